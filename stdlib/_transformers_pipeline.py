"""`transformers.pipeline("text-generation", ...)` for sftnb, with the behaviour of transformers 5's
TextGenerationPipeline: a prompt (str), a chat (list of {"role", "content"} dicts), or a list of
either; the result is [{"generated_text": ...}] per input, the prompt included unless
return_full_text=False (for a chat: the messages with the assistant's reply appended).
Generation defaults, as in transformers 5, for what neither the call nor the model's
generation_config sets: max_new_tokens=256, do_sample=True, temperature=0.7 (only when sampling),
pad_token_id=the tokenizer's. The tokenizer is switched to left padding, as transformers does.
"""

_TASKS = ("text-generation",)
_DEFAULTS = {"max_new_tokens": 256, "do_sample": True, "temperature": 0.7}
_SAMPLING = ("temperature", "top_k", "top_p")
_TOKENIZER_ARGS = ("add_special_tokens", "truncation", "padding", "max_length")
_POSTPROCESS_ARGS = ("return_full_text", "return_text", "return_tensors", "clean_up_tokenization_spaces",
                     "skip_special_tokens", "continue_final_message", "prefix", "handle_long_generation",
                     "tokenizer_encode_kwargs")


def _is_chat(x):
    return isinstance(x, (list, tuple)) and len(x) > 0 and isinstance(x[0], dict) and "role" in x[0]


class TextGenerationPipeline:
    def __init__(self, model, tokenizer, **kwargs):
        self.task = "text-generation"
        self.model = model
        self.tokenizer = tokenizer
        if tokenizer.padding_side == "right":
            tokenizer.padding_side = "left"
        self._call_kwargs = kwargs
        self._defaults = dict(_DEFAULTS)
        if tokenizer.pad_token_id is not None:
            self._defaults["pad_token_id"] = tokenizer.pad_token_id

    def __repr__(self):
        return f"<transformers.pipelines.text_generation.TextGenerationPipeline object at {hex(id(self))}>"

    def __call__(self, text_inputs, **kwargs):
        kwargs = {**self._call_kwargs, **kwargs}
        if isinstance(text_inputs, str) or _is_chat(text_inputs):
            return self._one(text_inputs, kwargs)
        return [self._one(x, kwargs) for x in text_inputs]

    def _generate_kwargs(self, kwargs):
        set_params = {k: v for k, v in self.model.generation_config.to_dict().items()
                      if v is not None and not k.startswith("_")}
        set_params.update(kwargs)
        added = {k: v for k, v in self._defaults.items()
                 if k not in set_params and not (k == "max_new_tokens" and "max_length" in set_params)}
        if not {**set_params, **added}.get("do_sample"):
            added = {k: v for k, v in added.items() if k not in _SAMPLING}
        return {**kwargs, **added}

    def _one(self, prompt, kwargs):
        kwargs = dict(kwargs)
        options = {k: kwargs.pop(k) for k in _POSTPROCESS_ARGS if k in kwargs}
        tokenizer_kwargs = {k: kwargs.pop(k) for k in _TOKENIZER_ARGS if k in kwargs and k != "max_length"}
        if "max_length" in kwargs:
            tokenizer_kwargs["max_length"] = kwargs["max_length"]
        tokenizer_kwargs.update(options.get("tokenizer_encode_kwargs") or {})
        for name in ("return_tensors", "handle_long_generation"):
            if options.get(name):
                raise NotImplementedError(f"sftnb does not support pipeline({name}=...) yet")
        if kwargs.get("num_return_sequences", 1) != 1:
            raise NotImplementedError("sftnb does not support pipeline(num_return_sequences > 1) yet")
        kwargs.pop("num_return_sequences", None)
        return_full_text = options.get("return_full_text")
        if return_full_text is None:
            return_full_text = options.get("return_text", True)
        continue_final = options.get("continue_final_message")
        prefix = options.get("prefix") or ""
        chat = _is_chat(prompt)
        if chat:
            messages = list(prompt)
            tokenizer_kwargs.pop("add_special_tokens", None)
            if continue_final is None:
                continue_final = messages[-1]["role"] == "assistant"
            inputs = self.tokenizer.apply_chat_template(messages, add_generation_prompt=not continue_final,
                                                        continue_final_message=continue_final, return_dict=True,
                                                        return_tensors="pt", **tokenizer_kwargs)
        else:
            if "add_special_tokens" not in tokenizer_kwargs:
                tokenizer_kwargs["add_special_tokens"] = False
            inputs = self.tokenizer(prefix + prompt, return_tensors="pt", **tokenizer_kwargs)
        input_ids = inputs["input_ids"]
        generate_kwargs = self._generate_kwargs(kwargs)
        output = self.model.generate(input_ids=input_ids, attention_mask=inputs["attention_mask"], **generate_kwargs)
        skip = options.get("skip_special_tokens")
        decode_kwargs = {"skip_special_tokens": True if skip is None else skip}
        if options.get("clean_up_tokenization_spaces") is not None:
            decode_kwargs["clean_up_tokenization_spaces"] = options["clean_up_tokenization_spaces"]
        records = []
        for sequence in output.tolist():
            text = self.tokenizer.decode(sequence[input_ids.shape[-1]:], **decode_kwargs)
            if return_full_text:
                if not chat:
                    text = prompt + text
                elif continue_final:
                    last = messages[-1]
                    text = messages[:-1] + [{"role": last["role"], "content": last["content"] + text}]
                else:
                    text = messages + [{"role": "assistant", "content": text}]
            records.append({"generated_text": text})
        return records


def pipeline(task=None, model=None, config=None, tokenizer=None, feature_extractor=None, image_processor=None,
             processor=None, revision=None, use_fast=True, token=None, device=None, device_map=None, dtype="auto",
             trust_remote_code=None, model_kwargs=None, pipeline_class=None, **kwargs):
    from _transformers import AutoModelForCausalLM, AutoTokenizer
    if task is None and model is None:
        raise RuntimeError("Impossible to instantiate a pipeline without either a task or a model being specified.")
    if task is None:
        task = "text-generation"
    if task not in _TASKS:
        raise NotImplementedError(f"sftnb does not support pipeline({task!r}) yet; it supports 'text-generation'")
    if device not in (None, "cpu", -1) or device_map not in (None, "cpu", "auto"):
        raise NotImplementedError("sftnb runs on the CPU only; use device=None or 'cpu'")
    if model is None:
        raise NotImplementedError("pipeline() without model=... (sftnb has no default Hub model; pass a path or a model)")
    load_kwargs = dict(model_kwargs or {})
    if "torch_dtype" in kwargs:
        dtype = kwargs.pop("torch_dtype")
    if isinstance(model, str):
        name = model
        if revision is not None:
            load_kwargs["revision"] = revision
        model = AutoModelForCausalLM.from_pretrained(name, dtype=dtype, **load_kwargs)
    else:
        name = model.config._name_or_path
    if tokenizer is None:
        tokenizer = AutoTokenizer.from_pretrained(name)
    elif isinstance(tokenizer, str):
        tokenizer = AutoTokenizer.from_pretrained(tokenizer)
    return TextGenerationPipeline(model, tokenizer, **kwargs)
