# f-strings: string alignment/fill/truncation, nested width/precision fields.
s = "abc"
print(f"[{s:>8}][{s:<8}][{s:^10}][{s:-^9}][{s:.2}][{s:>6.1}]")
w, p = 10, 3
print(f"[{s:>{w}}][{3.14159:.{p}f}][{3.14159:{w}.{p}f}]")
fill, align = "*", "^"
print(f"[{s:{fill}{align}{w}}]")
rows = [("apple", 1.5), ("kiwi", 12.25), ("fig", 100.0)]
for name, price in rows:
    print(f"{name:<8}{price:>8.2f}")
print(f"[{'':>3}][{'x':3}][{7:3}]")
print(f"{'日本':>5}|")
