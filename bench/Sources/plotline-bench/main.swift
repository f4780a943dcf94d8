print("plotline-bench: not built yet")
