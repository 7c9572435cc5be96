# model.parameters()/named_parameters(): names (PEFT's base_layer/lora_A.default names once
# adapters are attached), shapes, numel, requires_grad (settable), dtype, values; the classic
# "count trainable parameters" loop; model.to("cpu") / model.cpu().
import torch
from transformers import AutoModelForCausalLM
from peft import LoraConfig, get_peft_model

model = AutoModelForCausalLM.from_pretrained("tiny-model")
names = [n for n, _ in model.named_parameters()]
print(len(names), names[:6])
p = next(model.parameters())
print(type(p).__name__, p.shape, p.numel(), p.requires_grad, p.dtype, p.size(-1), p.dim())
print(sum(p.numel() for p in model.parameters()) == model.num_parameters())
bias = dict(model.named_parameters())["transformer.ln_f.bias"]
print(bias)
print(round(dict(model.named_parameters())["transformer.ln_f.weight"].sum().item(), 4))
print(model.to("cpu") is model, model.to(torch.float32) is model, model.cpu() is model, model.to(torch.device("cpu")) is model)

for name, param in model.named_parameters():
    if name.startswith("transformer.h.0."):
        param.requires_grad = False
print(model.num_parameters(only_trainable=True))

peft_model = get_peft_model(model, LoraConfig(r=2, target_modules=["c_attn"]))
for name, param in list(peft_model.named_parameters())[:10]:
    print(name, tuple(param.shape), param.requires_grad)
print([n for n, _ in model.named_parameters()][4:8])


def print_trainable_parameters(m):
    trainable_params = 0
    all_param = 0
    for _, param in m.named_parameters():
        all_param += param.numel()
        if param.requires_grad:
            trainable_params += param.numel()
    print(f"trainable params: {trainable_params} || all params: {all_param} || trainable%: {100 * trainable_params / all_param:.4f}")


print_trainable_parameters(peft_model)
print(peft_model.to("cpu") is peft_model)
model.is_parallelizable = True
model.model_parallel = True
peft_model.note = "mine"
print(model.is_parallelizable, model.model_parallel, peft_model.note)
