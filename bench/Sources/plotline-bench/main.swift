// plotline-bench: see bench/README.md (being rebuilt)
