# PeftModel.from_pretrained with an adapter saved by the real PEFT (non-zero A and B): frozen
# by default, trainable with is_trainable=True; the adapter changes the loss and the greedy
# generations exactly as in PEFT, and merge_and_unload keeps them.
import torch
from transformers import AutoModelForCausalLM
from peft import PeftModel

ids = torch.tensor([[5, 6, 7, 8, 9], [9, 8, 7, 6, 5]])
base = AutoModelForCausalLM.from_pretrained("tiny-model")
print(round(base(input_ids=ids, labels=ids).loss.item(), 4))
model = PeftModel.from_pretrained(base, "tiny-model-adapter")
print(type(model).__name__, model.training, base.training)
model.print_trainable_parameters()
print(model.peft_config["default"].r, model.peft_config["default"].inference_mode, sorted(model.peft_config["default"].target_modules))
with torch.no_grad():
    out = model(input_ids=ids, labels=ids)
print(round(out.loss.item(), 4))
print(out.logits[0, -1].argmax(-1).item(), out.logits[1, 2].argmax(-1).item())
print(model.generate(input_ids=ids, max_new_tokens=6, do_sample=False).tolist())
merged = model.merge_and_unload()
print(merged is base, round(merged(input_ids=ids, labels=ids).loss.item(), 4))
print(merged.generate(ids, max_new_tokens=6, do_sample=False).tolist())
print(merged)

trainable = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained("tiny-model"), "tiny-model-adapter", is_trainable=True)
trainable.print_trainable_parameters()
print(trainable.training, trainable.peft_config["default"].inference_mode)
