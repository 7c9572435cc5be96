# Tutorial: a toy training-log table: moving averages, formatted progress lines, best checkpoint.
losses = [2.5, 2.1, 1.95, 1.7, 1.72, 1.5, 1.41, 1.38, 1.4, 1.2]
window = 3
for step, loss in enumerate(losses, start=1):
    recent = losses[max(0, step - window):step]
    avg = sum(recent) / len(recent)
    if step % 2 == 0:
        print(f"step {step:>3}/{len(losses)} | loss {loss:.4f} | avg{window} {avg:.4f} | lr {5e-5 * (1 - step / len(losses)):.2e}")
best_step, best = min(enumerate(losses, 1), key=lambda t: t[1])
print(f"best loss {best} at step {best_step}")
log_history = [{"loss": l, "step": s} for s, l in enumerate(losses, 1) if s % 5 == 0]
print(log_history)
print(round(sum(losses) / len(losses), 4), f"{(losses[0] - losses[-1]) / losses[0]:.1%}")
