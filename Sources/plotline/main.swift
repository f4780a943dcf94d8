print("plotline")
