"""Surface syntax: the Lark grammar, the parse, the syntax tree with spans."""
