# Submodules as torch nn.Modules: attribute access, ModuleList indexing/slicing, extra_repr sizes, named_modules,
# per-module parameters and requires_grad_, get_submodule, and the lora.Linear blocks PEFT puts in place.
from transformers import AutoModelForCausalLM
from peft import LoraConfig, get_peft_model
model = AutoModelForCausalLM.from_pretrained("tiny-lm")
print(model.transformer.h)
print(len(model.transformer.h), type(model.transformer.h[0]).__name__, type(model.transformer).__name__)
print(model.transformer.h[-1].mlp.c_fc)
print(model.transformer.h[0].attn.c_attn.weight.shape, model.transformer.h[0].ln_1.eps, model.transformer.h[0].ln_1.normalized_shape)
print(model.lm_head.in_features, model.lm_head.out_features, model.lm_head.bias)
print(model.transformer.wte.num_embeddings, model.transformer.wte.embedding_dim, model.transformer.wte.padding_idx)
print(model.transformer.drop.p)
print([n for n, _ in model.named_modules()][:12])
print(len(list(model.modules())))
print([n for n, _ in model.named_children()])
print([n for n, _ in model.transformer.h[1].named_parameters()])
for layer in model.transformer.h[:1]:
    for p in layer.parameters():
        p.requires_grad = False
print(model.num_parameters(only_trainable=True))
model.transformer.wte.requires_grad_(False)
print(model.num_parameters(only_trainable=True))
print(model.get_submodule("transformer.h.1.mlp"))
print(isinstance(model.transformer.h[0].attn.c_attn, type(model.transformer.h[1].attn.c_attn)))
targets = sorted({name.split(".")[-1] for name, m in model.named_modules() if type(m).__name__ in ("Conv1D", "Linear")})
print(targets)
model.transformer.wte.requires_grad_(True)
pm = get_peft_model(model, LoraConfig(r=2, target_modules=["c_attn"], lora_dropout=0.1))
print(pm.base_model.model.transformer.h[0].attn.c_attn)
print([n for n, _ in pm.named_modules()][:8])
print([n for n, m in pm.named_modules() if "lora_A" in n])
print(pm.base_model.model.transformer.h[0].attn.c_attn.lora_A["default"].weight.shape)
