"""The Python side of `trl` in sftnb: `SFTConfig` with TRL 1.x's defaults (checked against the
real class by tools/check_stdlib_configs.py), accepting the 2024 keyword `max_seq_length` as an
alias of `max_length`. The trainer itself comes from the native module `_trl`.
"""
from dataclasses import dataclass, field, replace
from typing import Any

from transformers import TrainingArguments

@dataclass
class SFTConfig(TrainingArguments):
    learning_rate: Any = 2e-05
    bf16: Any = None
    gradient_checkpointing: Any = True
    logging_steps: Any = 10
    model_init_kwargs: Any = None
    trust_remote_code: Any = False
    router_aux_loss_coef: Any = None
    chat_template_path: Any = None
    dataset_text_field: Any = 'text'
    dataset_kwargs: Any = None
    dataset_num_proc: Any = None
    eos_token: Any = None
    max_length: Any = 1024
    truncation_mode: Any = 'keep_start'
    shuffle_dataset: Any = False
    packing: Any = False
    packing_strategy: Any = 'bfd'
    padding_free: Any = False
    pad_to_multiple_of: Any = 'auto'
    eval_packing: Any = None
    completion_only_loss: Any = None
    assistant_only_loss: Any = False
    loss_type: Any = 'nll'
    activation_offloading: Any = False
    pad_token: Any = None
    # 2024 TRL (0.7-0.19) name of `max_length`; sftnb accepts both.
    max_seq_length: Any = None

    def __post_init__(self):
        if self.bf16 is None:
            # TRL's default is bf16=True, which on a CPU means bf16 autocast (with use_cpu=True;
            # without it TrainingArguments refuses to run on a CPU). sftnb computes in float32, so
            # its default is False; an explicit bf16=True raises NotImplementedError.
            self.bf16 = False
        super().__post_init__()
        if self.max_seq_length is not None:
            self.max_length = self.max_seq_length
        if isinstance(self.pad_to_multiple_of, str) and self.pad_to_multiple_of != "auto":
            self.pad_to_multiple_of = None if self.pad_to_multiple_of.lower() in ("none", "null") else int(self.pad_to_multiple_of)
        if self.pad_to_multiple_of == "auto":
            self.pad_to_multiple_of = None
        if self.loss_type == "chunked_nll":
            self.loss_type = "nll"
        if self.packing_strategy == "bfd-requeue":
            self.packing_strategy = "bfd_split"
        if self.loss_type not in ("nll",):
            raise NotImplementedError(f"sftnb supports loss_type='nll' only, not {self.loss_type!r}")
        if self.truncation_mode not in ("keep_start", "keep_end"):
            raise ValueError(f"Unsupported truncation mode: {self.truncation_mode}, expected 'keep_start' or 'keep_end'")


# ---------------------------------------------------------------------------------------------
# SFTTrainer: TRL 1.x's argument handling in Python; data preparation and the training loop
# run in the engine (`_trl`).

import _trl
from collections import namedtuple

TrainOutput = namedtuple("TrainOutput", ["global_step", "training_loss", "metrics"])

# 2024 TRL (0.7-0.11) took these as SFTTrainer keyword arguments; today they live in SFTConfig.
_LEGACY_TRAINER_KWARGS = ("dataset_text_field", "max_seq_length", "packing", "neftune_noise_alpha",
                          "model_init_kwargs", "dataset_kwargs", "eval_packing", "dataset_num_proc")


class TrainerState:
    """`trainer.state`: the step count and the log history of the runs so far."""

    def __init__(self):
        self.epoch = None
        self.global_step = 0
        self.max_steps = 0
        self.logging_steps = 500
        self.eval_steps = 500
        self.save_steps = 500
        self.train_batch_size = None
        self.num_train_epochs = 0
        self.num_input_tokens_seen = 0
        self.total_flos = 0
        self.log_history = []
        self.best_metric = None
        self.best_global_step = None
        self.best_model_checkpoint = None
        self.is_local_process_zero = True
        self.is_world_process_zero = True

    def __repr__(self):
        return (f"TrainerState(epoch={self.epoch!r}, global_step={self.global_step!r}, max_steps={self.max_steps!r}, "
                f"log_history=[{len(self.log_history)} entries])")


class SFTTrainer:
    """TRL's `SFTTrainer` (1.x semantics), accepting the 2024 keyword arguments too."""

    def __init__(self, model, args=None, data_collator=None, train_dataset=None, eval_dataset=None,
                 processing_class=None, compute_loss_func=None, compute_metrics=None, callbacks=None,
                 optimizers=(None, None), optimizer_cls_and_kwargs=None, preprocess_logits_for_metrics=None,
                 quantization_config=None, peft_config=None, formatting_func=None, tokenizer=None,
                 dataset_text_field=None, max_seq_length=None, packing=None, neftune_noise_alpha=None,
                 model_init_kwargs=None, dataset_kwargs=None, eval_packing=None, dataset_num_proc=None):
        import warnings
        from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments
        for name, value in (("compute_loss_func", compute_loss_func), ("compute_metrics", compute_metrics),
                            ("optimizer_cls_and_kwargs", optimizer_cls_and_kwargs),
                            ("preprocess_logits_for_metrics", preprocess_logits_for_metrics),
                            ("quantization_config", quantization_config)):
            if value is not None:
                raise NotImplementedError(f"sftnb's SFTTrainer does not support {name}=")
        if optimizers != (None, None) and optimizers is not None:
            raise NotImplementedError("sftnb's SFTTrainer does not support optimizers= (it trains with AdamW from the args)")
        if callbacks:
            raise NotImplementedError("sftnb's SFTTrainer does not support callbacks= yet")

        if args is None:
            model_name = model if isinstance(model, str) else getattr(model, "name_or_path", "model")
            args = SFTConfig(f"{model_name.split('/')[-1]}-SFT")
        elif isinstance(args, TrainingArguments) and not isinstance(args, SFTConfig):
            args = SFTConfig(**args.to_dict())
        legacy = {"dataset_text_field": dataset_text_field, "max_seq_length": max_seq_length, "packing": packing,
                  "neftune_noise_alpha": neftune_noise_alpha, "model_init_kwargs": model_init_kwargs,
                  "dataset_kwargs": dataset_kwargs, "eval_packing": eval_packing, "dataset_num_proc": dataset_num_proc}
        for name in _LEGACY_TRAINER_KWARGS:
            if legacy[name] is not None:
                warnings.warn(f"You passed a `{name}` argument to the SFTTrainer, the value you passed will override the one in the `SFTConfig`.")
                setattr(args, "max_length" if name == "max_seq_length" else name, legacy[name])
        if tokenizer is not None:
            if processing_class is not None:
                raise ValueError("Pass the tokenizer as processing_class= or tokenizer=, not both")
            processing_class = tokenizer

        if train_dataset is None:
            raise ValueError("`train_dataset` is required")

        # PEFT initializes adapter weights randomly: seed first, as TRL does.
        import torch
        import random
        torch.manual_seed(args.seed)
        random.seed(args.seed)
        if isinstance(model, str):
            model = AutoModelForCausalLM.from_pretrained(model, **dict(args.model_init_kwargs or {}))
        elif args.model_init_kwargs is not None:
            warnings.warn("You passed `model_init_kwargs` to the `SFTConfig`, but your model is already instantiated. "
                          "The `model_init_kwargs` will be ignored.")

        if processing_class is None:
            processing_class = AutoTokenizer.from_pretrained(model.name_or_path)
        vocab = processing_class.get_vocab()
        if args.eos_token is not None:
            if args.eos_token not in vocab:
                raise ValueError(f"The specified `eos_token` ('{args.eos_token}') is not found in the vocabulary of the given "
                                 f"`processing_class` ({processing_class.__class__.__name__}). Ensure that the `eos_token` exists "
                                 "in the vocabulary before using it as an EOS token.")
            processing_class.eos_token = args.eos_token

        if peft_config is not None:
            from peft import LoraConfig, PeftModel, get_peft_model
            if not isinstance(peft_config, LoraConfig):
                raise TypeError(f"`peft_config` must be a `peft.PeftConfig` instance (e.g. `peft.LoraConfig`), got {type(peft_config).__name__}.")
            if isinstance(model, PeftModel):
                raise ValueError("You passed a `PeftModel` instance together with a `peft_config` to the trainer. Please first merge "
                                 "and unload the existing adapter, save the resulting base model, and then pass that base model along "
                                 "with the new `peft_config` to the trainer.")
            model = get_peft_model(model, peft_config)

        # 2024 TRL's error for its collator comes first: that is the mistake its users make.
        if isinstance(data_collator, DataCollatorForCompletionOnlyLM) and args.packing:
            raise ValueError("You passed a `DataCollatorForCompletionOnlyLM` to the SFTTrainer. This is not compatible with the `packing` argument.")
        self.padding_free = args.padding_free or (args.packing and args.packing_strategy == "bfd")
        if self.padding_free and data_collator is not None:
            raise ValueError("Passing a custom data collator is not supported when using padding-free.")
        if data_collator is not None and not isinstance(data_collator, DataCollatorForCompletionOnlyLM):
            raise NotImplementedError(f"sftnb's SFTTrainer supports data_collator=None or DataCollatorForCompletionOnlyLM, not {type(data_collator).__name__}")

        dataset_sample = next(iter(train_dataset))
        if args.completion_only_loss is None:
            self.completion_only_loss = "prompt" in dataset_sample and "completion" in dataset_sample
        else:
            self.completion_only_loss = args.completion_only_loss

        pad_token = args.pad_token or processing_class.pad_token or processing_class.eos_token
        if pad_token not in vocab:
            raise ValueError(f"The specified `pad_token` ('{pad_token}') is not found in the vocabulary of the given "
                             f"`processing_class` ({processing_class.__class__.__name__}). Ensure that the `pad_token` exists "
                             "in the vocabulary before using it as a padding token.")
        processing_class.pad_token = pad_token

        if self.padding_free and not args.packing and args.max_length is not None:
            raise ValueError("When `padding_free=True` without packing, `max_length` is not enforced. Either enable packing "
                             "(e.g., `packing=True, packing_strategy='bfd'`), provide already truncated inputs, or set "
                             "`max_length=None`.")
        skip_prepare = bool(args.dataset_kwargs is not None and args.dataset_kwargs.get("skip_prepare_dataset", False))
        if not skip_prepare:
            if self.completion_only_loss and formatting_func:
                raise ValueError("A formatting function was provided while `completion_only_loss=True`, which is incompatible. "
                                 "Using a formatter converts the dataset to a language modeling type, conflicting with "
                                 "completion-only loss. To resolve this, apply your formatting function before passing the "
                                 "dataset, or disable `completion_only_loss` in `SFTConfig`.")
            prep_args = args
            if args.completion_only_loss is None:
                prep_args = replace(args, completion_only_loss=self.completion_only_loss)
            train_dataset = _trl.prepare_dataset(train_dataset, processing_class, prep_args, args.packing,
                                                 formatting_func, data_collator, "train")
            if eval_dataset is not None:
                eval_packing = args.packing if args.eval_packing is None else args.eval_packing
                if isinstance(eval_dataset, dict):
                    eval_dataset = {key: _trl.prepare_dataset(ds, processing_class, prep_args, eval_packing,
                                                              formatting_func, data_collator, key)
                                    for key, ds in eval_dataset.items()}
                else:
                    eval_dataset = _trl.prepare_dataset(eval_dataset, processing_class, prep_args, eval_packing,
                                                        formatting_func, data_collator, "eval")

        self.model = model
        self.args = args
        self.data_collator = data_collator
        self.train_dataset = train_dataset
        self.eval_dataset = eval_dataset
        self.processing_class = processing_class
        self.state = TrainerState()
        self._run = _trl.TrainingRun(model, processing_class, args, self.padding_free)

    @property
    def tokenizer(self):
        return self.processing_class

    def _sync_state(self):
        for name, value in self._run.state().items():
            setattr(self.state, name, value)

    def train(self, resume_from_checkpoint=None, trial=None, ignore_keys_for_eval=None, **kwargs):
        if trial is not None:
            raise NotImplementedError("sftnb's Trainer does not run hyper-parameter search trials")
        if kwargs:
            raise TypeError(f"train() got an unexpected keyword argument '{next(iter(kwargs))}'")
        if resume_from_checkpoint is None and self.args.resume_from_checkpoint is not None:
            resume_from_checkpoint = self.args.resume_from_checkpoint
        eval_dataset = self.eval_dataset
        if isinstance(eval_dataset, dict):
            raise NotImplementedError("evaluation during training on a dict of eval datasets")
        try:
            out = self._run.train(self.train_dataset, eval_dataset if self.args.eval_strategy != "no" else None,
                                  self.state.log_history, resume_from_checkpoint)
        finally:
            self._sync_state()
        return TrainOutput(out["global_step"], out["training_loss"], out["metrics"])

    def evaluate(self, eval_dataset=None, ignore_keys=None, metric_key_prefix="eval"):
        dataset = self.eval_dataset if eval_dataset is None else eval_dataset
        if dataset is None:
            raise ValueError("Trainer: evaluation requires an eval_dataset.")
        if isinstance(dataset, dict):
            metrics = {}
            for key, ds in dataset.items():
                metrics.update(self.evaluate(ds, ignore_keys, f"{metric_key_prefix}_{key}"))
            return metrics
        if eval_dataset is not None and "input_ids" not in eval_dataset.column_names:
            dataset = _trl.prepare_dataset(eval_dataset, self.processing_class, self.args, self.args.packing, None,
                                           self.data_collator, "eval")
        try:
            return self._run.evaluate(dataset, self.state.log_history, metric_key_prefix)
        finally:
            self._sync_state()

    def save_model(self, output_dir=None, _internal_call=False):
        self._run.save_model(self.args.output_dir if output_dir is None else output_dir)


class DataCollatorForCompletionOnlyLM:
    """2024 TRL's collator (0.7-0.19): learn only what follows the response template (and,
    with an instruction template, only the responses of a multi-turn text). Templates may be
    strings or token ids; sftnb also finds string templates by characters, so a template that
    tokenizes differently in context is still found."""

    def __init__(self, response_template, instruction_template=None, *args, mlm=False, ignore_index=-100,
                 padding_free=False, tokenizer=None, **kwargs):
        import warnings
        if args:
            tokenizer = args[0]
        if tokenizer is None:
            raise TypeError("DataCollatorForCompletionOnlyLM needs tokenizer=")
        for name in kwargs:
            if name not in ("pad_to_multiple_of", "return_tensors", "mlm_probability"):
                raise TypeError(f"DataCollatorForCompletionOnlyLM.__init__() got an unexpected keyword argument '{name}'")
        if mlm:
            raise NotImplementedError("DataCollatorForCompletionOnlyLM(mlm=True): masked language modeling")
        if padding_free:
            raise NotImplementedError("DataCollatorForCompletionOnlyLM(padding_free=True)")
        self.tokenizer = tokenizer
        self.mlm = mlm
        self.ignore_index = ignore_index
        self.padding_free = padding_free
        self.pad_to_multiple_of = kwargs.get("pad_to_multiple_of")
        self.instruction_template = instruction_template
        if isinstance(instruction_template, str):
            self.instruction_token_ids = tokenizer.encode(instruction_template, add_special_tokens=False)
        else:
            self.instruction_token_ids = instruction_template
        self.response_template = response_template
        if isinstance(response_template, str):
            self.response_token_ids = tokenizer.encode(response_template, add_special_tokens=False)
        else:
            self.response_token_ids = response_template
        if instruction_template and tokenizer.pad_token_id == tokenizer.eos_token_id:
            warnings.warn("The pad_token_id and eos_token_id values of this tokenizer are identical. "
                          "If you are planning for multi-turn training, "
                          "it can result in the model continuously generating questions and answers without eos token. "
                          "To avoid this, set the pad_token_id to a different value.")

    def __call__(self, examples):
        rows = []
        for example in examples:
            if isinstance(example, dict) or hasattr(example, "keys"):
                rows.append({"input_ids": list(example["input_ids"])})
            else:
                rows.append({"input_ids": list(example)})
        batch = self.tokenizer.pad(rows, return_tensors="pt", pad_to_multiple_of=self.pad_to_multiple_of)
        batch["labels"] = _trl.completion_only_labels(self.tokenizer, batch["input_ids"], batch["attention_mask"], self)
        return batch


class ChatMlSpecialTokens:
    """The ChatML tokens and template `setup_chat_format` installs (TRL 0.7-0.19)."""
    bos_token = "<|im_start|>"
    eos_token = "<|im_end|>"
    pad_token = "<|im_end|>"

    @property
    def system(self):
        return f"{self.bos_token}system"

    @property
    def user(self):
        return f"{self.bos_token}user"

    @property
    def assistant(self):
        return f"{self.bos_token}assistant"

    @property
    def chat_template(self):
        return (
            "{% for message in messages %}"
            f"{{{{'{self.bos_token}' + message['role'] + '\n' + message['content'] + '{self.eos_token}' + '\n'}}}}"
            "{% endfor %}"
            "{% if add_generation_prompt %}"
            f"{{{{ '{self.assistant}\n' }}}}"
            "{% endif %}"
        )


FORMAT_MAPPING = {"chatml": ChatMlSpecialTokens}


def setup_chat_format(model, tokenizer, format="chatml", resize_to_multiple_of=None):
    """TRL's setup_chat_format: ChatML special tokens and template on the tokenizer, the
    embeddings resized to the new vocabulary (rounded up to `resize_to_multiple_of`)."""
    if tokenizer.chat_template is not None:
        raise ValueError("Chat template is already added to the tokenizer. If you want to overwrite it, please set it to None")
    if format not in FORMAT_MAPPING:
        raise ValueError(f"Format {format} not available. Please use one of {FORMAT_MAPPING.keys()}")
    chat_format = FORMAT_MAPPING[format]()
    tokenizer.add_special_tokens({"additional_special_tokens": [chat_format.bos_token, chat_format.eos_token]})
    tokenizer.eos_token = chat_format.eos_token
    tokenizer.pad_token = chat_format.pad_token
    tokenizer.bos_token = chat_format.bos_token
    tokenizer.chat_template = chat_format.chat_template
    model.resize_token_embeddings(len(tokenizer.get_vocab()), pad_to_multiple_of=resize_to_multiple_of)
    config = getattr(model, "config", None)
    if config is not None:
        config.pad_token_id = tokenizer.pad_token_id
        config.bos_token_id = tokenizer.bos_token_id
        config.eos_token_id = tokenizer.eos_token_id
    generation_config = getattr(model, "generation_config", None)
    if generation_config is not None:
        generation_config.bos_token_id = tokenizer.bos_token_id
        generation_config.eos_token_id = tokenizer.eos_token_id
        generation_config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer
