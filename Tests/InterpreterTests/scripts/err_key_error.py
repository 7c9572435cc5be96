# Uncaught KeyError: the message is the repr of the missing key.
config = {"learning_rate": 2e-5, "epochs": 3}
print("lr", config["learning_rate"])
print("batch", config["batch_size"])
