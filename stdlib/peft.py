"""The Python side of `peft` in sftnb: `LoraConfig` with PEFT's defaults (checked against the real
class by tools/check_stdlib_configs.py) and `TaskType`. Adapters themselves live in the native
module `_peft` (`get_peft_model`, `PeftModel`, `PeftModelForCausalLM`); `AutoPeftModelForCausalLM`
loads the base model an adapter names, then the adapter.
"""
from _peft import get_peft_model, PeftModel, PeftModelForCausalLM
from dataclasses import dataclass, field
from typing import Any

_UNSUPPORTED = ("use_dora", "use_qalora", "use_bdlora", "lora_bias")


class AutoPeftModelForCausalLM:
    """Loads the base model named in an adapter folder's adapter_config.json, then the adapter
    (PEFT's AutoPeftModelForCausalLM.from_pretrained); a tokenizer saved with the adapter that is
    larger than the base vocabulary resizes the embeddings first, as PEFT does."""

    def __init__(self, *args, **kwargs):
        raise EnvironmentError("AutoPeftModelForCausalLM is designed to be instantiated using the "
                               "`AutoPeftModelForCausalLM.from_pretrained(pretrained_model_name_or_path)` method.")

    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path, adapter_name="default", is_trainable=False, config=None,
                        revision=None, **kwargs):
        import json
        import os
        from transformers import AutoModelForCausalLM, AutoTokenizer
        path = os.path.join(pretrained_model_name_or_path, "adapter_config.json")
        if not os.path.isfile(path):
            raise ValueError(f"Can't find 'adapter_config.json' at '{pretrained_model_name_or_path}'")
        with open(path) as f:
            saved = json.load(f)
        task = saved.get("task_type")
        if task is not None and task != "CAUSAL_LM":
            raise ValueError(f"Expected target PEFT class for task_type {task!r}, but you have asked for: "
                             "PeftModelForCausalLM make sure that you are loading the correct model for your task type.")
        if saved.get("revision") is not None:
            kwargs["revision"] = saved["revision"]
        base = AutoModelForCausalLM.from_pretrained(saved["base_model_name_or_path"], **kwargs)
        if os.path.exists(os.path.join(pretrained_model_name_or_path, "tokenizer_config.json")):
            tokenizer = AutoTokenizer.from_pretrained(pretrained_model_name_or_path)
            if len(tokenizer) > base.get_input_embeddings().num_embeddings:
                base.resize_token_embeddings(len(tokenizer))
        return PeftModelForCausalLM.from_pretrained(base, pretrained_model_name_or_path, adapter_name=adapter_name,
                                                    is_trainable=is_trainable, config=config)


class _EnumMember(str):
    """A member of PEFT's str enums (`TaskType`, `PeftType`): equal to its value as a string, shown as
    `<TaskType.CAUSAL_LM: 'CAUSAL_LM'>` by repr and `TaskType.CAUSAL_LM` by str, as in CPython."""

    def __new__(cls, value):
        return str.__new__(cls, value)

    def __repr__(self):
        return f"<{self._enum}.{self._name}: {str.__repr__(self)}>"

    def __str__(self):
        return f"{self._enum}.{self._name}"


def _member(enum, name):
    m = _EnumMember(name)
    m._enum = enum
    m._name = name
    return m


class TaskType:
    """PEFT's task types (`task_type=TaskType.CAUSAL_LM` equals `task_type="CAUSAL_LM"`)."""
    SEQ_CLS = _member("TaskType", "SEQ_CLS")
    SEQ_2_SEQ_LM = _member("TaskType", "SEQ_2_SEQ_LM")
    CAUSAL_LM = _member("TaskType", "CAUSAL_LM")
    TOKEN_CLS = _member("TaskType", "TOKEN_CLS")
    QUESTION_ANS = _member("TaskType", "QUESTION_ANS")
    FEATURE_EXTRACTION = _member("TaskType", "FEATURE_EXTRACTION")


class PeftType:
    """PEFT's adapter types; sftnb implements LORA."""
    LORA = _member("PeftType", "LORA")


@dataclass
class LoraRuntimeConfig:
    ephemeral_gpu_offload: Any = False


@dataclass
class LoraConfig:
    task_type: Any = None
    peft_type: Any = None
    auto_mapping: Any = None
    peft_version: Any = None
    base_model_name_or_path: Any = None
    revision: Any = None
    inference_mode: Any = False
    r: Any = 8
    target_modules: Any = None
    exclude_modules: Any = None
    lora_alpha: Any = 8
    lora_dropout: Any = 0.0
    fan_in_fan_out: Any = False
    bias: Any = 'none'
    use_rslora: Any = False
    modules_to_save: Any = None
    init_lora_weights: Any = True
    layers_to_transform: Any = None
    layers_pattern: Any = None
    rank_pattern: Any = field(default_factory=lambda: {})
    alpha_pattern: Any = field(default_factory=lambda: {})
    megatron_config: Any = None
    megatron_core: Any = 'megatron.core'
    trainable_token_indices: Any = None
    loftq_config: Any = field(default_factory=lambda: {})
    eva_config: Any = None
    corda_config: Any = None
    lora_ga_config: Any = None
    use_dora: Any = False
    velora_config: Any = None
    alora_invocation_tokens: Any = None
    use_qalora: Any = False
    qalora_group_size: Any = 16
    monteclora_config: Any = None
    layer_replication: Any = None
    runtime_config: Any = field(default_factory=LoraRuntimeConfig)
    lora_bias: Any = False
    target_parameters: Any = None
    use_bdlora: Any = None
    arrow_config: Any = None
    kasa_config: Any = None
    ensure_weight_tying: Any = False

    def __post_init__(self):
        self.peft_type = PeftType.LORA
        if isinstance(self.target_modules, list):
            self.target_modules = set(self.target_modules)
        if isinstance(self.exclude_modules, list):
            self.exclude_modules = set(self.exclude_modules)
        if isinstance(self.target_modules, str) and self.layers_to_transform is not None:
            raise ValueError("`layers_to_transform` cannot be used when `target_modules` is a str.")
        if isinstance(self.target_modules, str) and self.layers_pattern is not None:
            raise ValueError("`layers_pattern` cannot be used when `target_modules` is a str.")
        if self.layers_pattern and not self.layers_to_transform:
            raise ValueError("When `layers_pattern` is specified, `layers_to_transform` must also be specified. ")
        if self.bias not in ("none", "all", "lora_only"):
            raise NotImplementedError(f"Requested bias: {self.bias}, is not implemented.")
        if self.bias != "none":
            raise NotImplementedError(f"sftnb trains LoRA with bias='none' only, not {self.bias!r}")
        for name in _UNSUPPORTED:
            if getattr(self, name):
                raise NotImplementedError(f"sftnb does not support LoraConfig({name}=True)")
        if self.init_lora_weights not in (True, False):
            raise NotImplementedError(f"sftnb supports init_lora_weights=True or False, not {self.init_lora_weights!r}")
