# target_modules as a regular expression (PEFT's re.fullmatch on whole module names): adapters on
# some layers only, shown unfolded in the module tree; saved and loaded back; no match fails.
import os
from transformers import AutoModelForCausalLM
from peft import LoraConfig, PeftModel, get_peft_model

config = LoraConfig(r=2, target_modules=r"transformer\.h\.0\.(attn\.c_attn|mlp\.c_fc)")
model = get_peft_model(AutoModelForCausalLM.from_pretrained("tiny-model"), config)
model.print_trainable_parameters()
print(config.target_modules)
print(model)
model.save_pretrained("_golden_tmp_regex")
loaded = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained("tiny-model"), "_golden_tmp_regex")
loaded.print_trainable_parameters()
print(loaded.peft_config["default"].target_modules)
for name in os.listdir("_golden_tmp_regex"):
    os.remove(os.path.join("_golden_tmp_regex", name))
os.rmdir("_golden_tmp_regex")
try:
    get_peft_model(AutoModelForCausalLM.from_pretrained("tiny-model"), LoraConfig(target_modules=r".*\.q_proj"))
except ValueError as e:
    print("ValueError:", e)
