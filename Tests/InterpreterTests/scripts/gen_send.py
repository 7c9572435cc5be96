# Generator send(): a running average coroutine; first send must be None (priming).
def averager():
    total, count = 0.0, 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count
avg = averager()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(3))
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration as stop:
    print("returned", stop.value)
