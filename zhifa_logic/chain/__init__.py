"""The decision chain as a networkx graph: built, validated, queried for facts."""
