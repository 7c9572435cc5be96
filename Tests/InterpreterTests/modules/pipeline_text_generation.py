# pipeline("text-generation") over a model object and a tokenizer: result shape, full and new
# text, a list of prompts, the tokenizer switched to left padding, and the model's
# generation_config taking precedence over the pipeline's sampling defaults. (The tiny
# tokenizer's ids 3..95 are printable ASCII, the tiny model's vocabulary: prompts stay there.)
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

model = AutoModelForCausalLM.from_pretrained("tiny-model")
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
print(tok.padding_side)
pipe = pipeline("text-generation", model=model, tokenizer=tok)
print(type(pipe).__name__, pipe.task, tok.padding_side, pipe.model is model, pipe.tokenizer is tok)
print(pipe("ABC", max_new_tokens=5, do_sample=False))
print(pipe("XYZ!", max_new_tokens=4, do_sample=False, return_full_text=False))
print(pipe(["ABC", "QRS"], max_new_tokens=3, do_sample=False))
model.generation_config.do_sample = False
model.generation_config.max_new_tokens = 6
print(pipe("KLM"))
greedy = pipeline("text-generation", model=model, tokenizer=tok, max_new_tokens=2)
print(greedy("ABC"), greedy("ABC", max_new_tokens=3))
