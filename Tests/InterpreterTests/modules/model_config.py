# The model surface beyond forward/generate: model.config (attributes, aliases, repr, to_dict,
# setting keys), config classes, AutoConfig, from_config (seeded), generation_config, dtype,
# device, get_input_embeddings and resize_token_embeddings.
import os
import torch
from transformers import (AutoConfig, AutoModelForCausalLM, GPT2Config, GPTNeoConfig, LlamaConfig, OPTConfig,
                          set_seed)

model = AutoModelForCausalLM.from_pretrained("tiny-model")
config = model.config
print(type(config).__name__, config.model_type, config._name_or_path, config.name_or_path)
print(config.vocab_size, config.n_embd, config.hidden_size, config.num_hidden_layers, config.n_head)
print(config.bos_token_id, config.eos_token_id, config.pad_token_id, config.dtype, config.architectures)
print(config.output_hidden_states, config.return_dict, config.tie_word_embeddings, config.n_inner)
print(config)
d = config.to_dict()
print(sorted(d.keys()))
print(d["id2label"], d["_name_or_path"], d["n_layer"], d["layer_norm_epsilon"])
config.pad_token_id = 2
print(model.config.pad_token_id, model.config is config)
print(type(model).__name__, model.dtype, repr(model.device), model.device.type)
print(model.generation_config)
print(model.generation_config.eos_token_id, model.generation_config.max_new_tokens, model.generation_config.do_sample)
model.generation_config.max_new_tokens = 3
ids = torch.tensor([[5, 6, 7, 8, 9]])
print(model.generate(ids).tolist())

print(model.get_input_embeddings())
print(model.resize_token_embeddings(100), model.config.vocab_size)
print(model.resize_token_embeddings(101, pad_to_multiple_of=8), model.config.vocab_size, model.num_parameters())
out = model(input_ids=ids, labels=ids)
print(out.logits.shape, round(out.loss.item(), 4))
model.save_pretrained("_golden_tmp_cfgmodel")
again = AutoConfig.from_pretrained("_golden_tmp_cfgmodel")
print(type(again).__name__, again.vocab_size, again.pad_token_id)
for name in os.listdir("_golden_tmp_cfgmodel"):
    os.remove(os.path.join("_golden_tmp_cfgmodel", name))
os.rmdir("_golden_tmp_cfgmodel")

small = GPT2Config(n_layer=2, n_embd=32, n_head=2, vocab_size=100, n_positions=64)
print(small)
print(small.hidden_size, small.max_position_embeddings, small.to_dict() == GPT2Config(n_layer=2, n_embd=32, n_head=2, vocab_size=100, n_positions=64).to_dict())
small.n_layer = 1
print(small.n_layer, small.num_hidden_layers)
print(OPTConfig(hidden_size=32, ffn_dim=64, num_hidden_layers=1, num_attention_heads=2, word_embed_proj_dim=32))
print(GPTNeoConfig(hidden_size=32, num_layers=2, num_heads=2, attention_types=[[["global", "local"], 1]]).attention_layers)
print(LlamaConfig(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2))
print(AutoConfig.from_pretrained("tiny-model").n_layer)

set_seed(0)
a = AutoModelForCausalLM.from_config(small)
set_seed(0)
b = AutoModelForCausalLM.from_config(small)
print(type(a).__name__, a.num_parameters(), a.config.n_layer, a.config._name_or_path == "", a.training)
a.eval()
b.eval()
print(a(input_ids=ids, labels=ids).loss.item() == b(input_ids=ids, labels=ids).loss.item())
print(a.is_activation_checkpointing)
a.gradient_checkpointing_enable()
a.enable_input_require_grads()
print(a.is_activation_checkpointing)
a.gradient_checkpointing_disable()
print(a.is_activation_checkpointing)

from transformers import GenerationConfig
gen = GenerationConfig(max_new_tokens=4, do_sample=False)
print(gen)
print(gen.max_new_tokens, gen.top_k, gen.to_dict()["max_new_tokens"])
print(model.generate(ids, generation_config=gen).tolist())
gen.max_new_tokens = 2
print(model.generate(ids, generation_config=gen).tolist(), model.generate(ids, generation_config=gen, max_new_tokens=1).tolist())
model.generation_config = GenerationConfig(max_new_tokens=2, do_sample=False)
print(model.generation_config, model.generate(ids).tolist())
