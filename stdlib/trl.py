"""The Python side of `trl` in sftnb: `SFTConfig` with TRL 1.x's defaults (checked against the
real class by tools/check_stdlib_configs.py), accepting the 2024 keyword `max_seq_length` as an
alias of `max_length`. The trainer itself comes from the native module `_trl`.
"""
from dataclasses import dataclass, field
from typing import Any

from transformers import TrainingArguments

_PACKING_STRATEGIES = ("bfd", "bfd_split", "wrapped")


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
            # TRL turns on bf16 autocast where the hardware has it; sftnb always computes in float32.
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
        if self.packing_strategy not in _PACKING_STRATEGIES:
            raise ValueError(f"Invalid packing strategy '{self.packing_strategy}', must be one of {_PACKING_STRATEGIES}.")
        if self.packing_strategy == "bfd_split":
            raise NotImplementedError("sftnb does not support packing_strategy='bfd_split' yet; use 'bfd' or 'wrapped'")
        if self.loss_type not in ("nll",):
            raise NotImplementedError(f"sftnb supports loss_type='nll' only, not {self.loss_type!r}")
        if self.truncation_mode not in ("keep_start", "keep_end"):
            raise ValueError(f"Unsupported truncation mode: {self.truncation_mode}, expected 'keep_start' or 'keep_end'")
