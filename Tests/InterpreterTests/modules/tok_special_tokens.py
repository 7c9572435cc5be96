from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
print(tok.bos_token, tok.eos_token, tok.unk_token, tok.pad_token)
print(tok.bos_token_id, tok.eos_token_id, tok.unk_token_id, tok.pad_token_id)
print(tok.all_special_tokens, tok.all_special_ids)
print(tok.special_tokens_map)
print(tok.add_special_tokens({"pad_token": "<pad>"}))
print(tok.pad_token, tok.pad_token_id, len(tok), tok.vocab_size)
print(tok.add_tokens(["foo", "bar"]))
print(tok.add_tokens("foo"))
print(tok.add_tokens(["<tool>"], special_tokens=True))
print(len(tok))
print(tok.tokenize("foo bar<tool>baz"))
print(tok.encode("foo<|im_end|>"))
print(tok.decode(tok.encode("<|im_start|>foo<|im_end|>"), skip_special_tokens=True))
print(tok.convert_ids_to_tokens(tok.encode("<|im_start|>Hi<|im_end|>"), skip_special_tokens=True))
tok.eos_token = "<|endoftext|>"
print(tok.eos_token, tok.eos_token_id)
tok.pad_token_id = 1
print(tok.pad_token, tok.pad_token_id)
print(tok.special_tokens_map)
print(tok)
