# LoRA on each family built from a small config: PEFT's default target modules per model type,
# "all-linear", the parameter counts and the module tree with lora.Linear layers.
from transformers import AutoModelForCausalLM, GPTNeoConfig, LlamaConfig, OPTConfig
from peft import LoraConfig, get_peft_model

configs = [
    OPTConfig(vocab_size=64, hidden_size=16, ffn_dim=32, num_hidden_layers=2, num_attention_heads=2, word_embed_proj_dim=16,
              max_position_embeddings=32),
    GPTNeoConfig(vocab_size=64, hidden_size=16, num_layers=2, num_heads=2, max_position_embeddings=32,
                 attention_types=[[["global", "local"], 1]], intermediate_size=32),
    LlamaConfig(vocab_size=64, hidden_size=16, intermediate_size=32, num_hidden_layers=2, num_attention_heads=2,
                num_key_value_heads=1, max_position_embeddings=32),
]
for config in configs:
    model = get_peft_model(AutoModelForCausalLM.from_config(config), LoraConfig(r=2, lora_alpha=4, task_type="CAUSAL_LM"))
    print(config.model_type, sorted(model.peft_config["default"].target_modules))
    model.print_trainable_parameters()
    print(model)
    everything = get_peft_model(AutoModelForCausalLM.from_config(config), LoraConfig(r=2, target_modules="all-linear"))
    everything.print_trainable_parameters()
    print(len(everything.peft_config["default"].target_modules))
