# peft.get_peft_model on a tiny GPT-2: wrapper type, trainable-parameter line, repr, the config
# PEFT fills in, train/eval flags, loss unchanged at init (B = 0), save_pretrained's layout and
# adapter_config.json, merge_and_unload, errors.
import json
import os
import torch
from transformers import AutoModelForCausalLM
from peft import LoraConfig, TaskType, get_peft_model, PeftModel

torch.manual_seed(0)
model = AutoModelForCausalLM.from_pretrained("tiny-model")
ids = torch.tensor([[5, 6, 7, 8, 9], [9, 8, 7, 6, 5]])
base_loss = model(input_ids=ids, labels=ids).loss.item()
config = LoraConfig(r=4, lora_alpha=8, lora_dropout=0.05, task_type=TaskType.CAUSAL_LM)
peft_model = get_peft_model(model, config)
print(type(peft_model).__name__, type(peft_model).__module__, isinstance(peft_model, PeftModel))
peft_model.print_trainable_parameters()
print(peft_model.get_nb_trainable_parameters())
print(peft_model.num_parameters(), peft_model.num_parameters(only_trainable=True))
print(peft_model)
print(config.target_modules, config.base_model_name_or_path, config.fan_in_fan_out, config.peft_version)
print(peft_model.peft_config["default"] is config, peft_model.active_adapter)
print(peft_model.peft_config)
print(TaskType.CAUSAL_LM, repr(TaskType.CAUSAL_LM), TaskType.CAUSAL_LM == "CAUSAL_LM", str(TaskType.SEQ_CLS))
print(type(peft_model.base_model).__name__, peft_model.base_model.model is model)
print(peft_model.name_or_path, peft_model.config.model_type, peft_model.training, model.training)
peft_model.eval()
print(peft_model.training, model.training)
peft_model.train()
print(peft_model.training, model.training)
peft_model.eval()
out = peft_model(input_ids=ids, labels=ids)
print(round(out.loss.item(), 4), round(base_loss, 4), out.logits.shape)
print(peft_model.generate(input_ids=ids, max_new_tokens=4, do_sample=False).tolist())

peft_model.save_pretrained("_golden_tmp_adapter")
print(sorted(n for n in os.listdir("_golden_tmp_adapter") if n != "README.md"))
with open("_golden_tmp_adapter/adapter_config.json") as f:
    print(f.read())
again = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained("tiny-model"), "_golden_tmp_adapter")
print(type(again).__name__, again.training)
again.print_trainable_parameters()
for name in os.listdir("_golden_tmp_adapter"):
    os.remove(os.path.join("_golden_tmp_adapter", name))
os.rmdir("_golden_tmp_adapter")

merged = peft_model.merge_and_unload()
print(merged is model, type(merged).__name__, merged.num_parameters())

everything = get_peft_model(AutoModelForCausalLM.from_pretrained("tiny-model"), LoraConfig(r=2, target_modules="all-linear", use_rslora=True))
everything.print_trainable_parameters()
print(type(everything).__name__, sorted(everything.peft_config["default"].target_modules))
try:
    get_peft_model(AutoModelForCausalLM.from_pretrained("tiny-model"), LoraConfig(target_modules=["q_proj"]))
except ValueError as e:
    print("ValueError:", e)
