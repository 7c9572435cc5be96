"""The Python side of `transformers` in sftnb: `TrainingArguments`, with the defaults and the
validation of transformers 5 (the field list is checked against the real class by
tools/check_stdlib_configs.py). The engine-backed classes (AutoModelForCausalLM, AutoTokenizer,
...) come from the native module `_transformers` when it is available.
"""
from _transformers import AutoTokenizer, PreTrainedTokenizerFast, PreTrainedTokenizerBase, TokenizersBackend, BatchEncoding, AddedToken
from _transformers import AutoModelForCausalLM, PreTrainedModel, AutoConfig, PretrainedConfig, PreTrainedConfig
from _transformers import GPT2Config, OPTConfig, GPTNeoConfig, LlamaConfig, GenerationConfig, set_seed
from _transformers_pipeline import pipeline, TextGenerationPipeline
from dataclasses import dataclass, field
from typing import Any

class ExplicitEnum(str):
    """transformers' `ExplicitEnum(str, Enum)` for the choice fields of TrainingArguments: a str
    equal to its value (so comparisons with "steps" hold) that prints as `SchedulerType.LINEAR` and
    reprs as `<SchedulerType.LINEAR: 'linear'>`. Subclasses list their values in `_values`; an
    unknown value raises transformers' ValueError. (sftnb has no `enum` module.)"""
    _values = ()

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        if value not in cls._values:
            raise ValueError(f"{value} is not a valid {cls.__name__}, please select one of {list(cls._values)}")
        return str.__new__(cls, value)

    @property
    def value(self):
        return str.__str__(self)

    @property
    def name(self):
        return self.value.upper()

    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"

    def __format__(self, spec):
        return format(str(self), spec)


class IntervalStrategy(ExplicitEnum):
    _values = ("no", "steps", "epoch")


class SaveStrategy(ExplicitEnum):
    _values = ("no", "steps", "epoch", "best")


class HubStrategy(ExplicitEnum):
    _values = ("end", "every_save", "checkpoint", "all_checkpoints")


class SchedulerType(ExplicitEnum):
    _values = ("linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup",
               "inverse_sqrt", "reduce_lr_on_plateau", "cosine_with_min_lr", "cosine_warmup_with_min_lr",
               "warmup_stable_decay", "greedy")


class OptimizerNames(ExplicitEnum):
    _values = ("adamw_torch", "adamw_torch_fused", "adamw_torch_xla", "adamw_torch_npu_fused", "adafactor",
               "adamw_anyprecision", "adamw_torch_4bit", "adamw_torch_8bit", "ademamix", "sgd", "adagrad",
               "adamw_bnb_8bit", "adamw_8bit", "ademamix_8bit", "lion_8bit", "lion_32bit", "paged_adamw_32bit",
               "paged_adamw_8bit", "paged_ademamix_32bit", "paged_ademamix_8bit", "paged_lion_32bit", "paged_lion_8bit",
               "rmsprop", "rmsprop_bnb", "rmsprop_bnb_8bit", "rmsprop_bnb_32bit", "galore_adamw", "galore_adamw_8bit",
               "galore_adafactor", "galore_adamw_layerwise", "galore_adamw_8bit_layerwise", "galore_adafactor_layerwise",
               "lomo", "adalomo", "grokadamw", "schedule_free_radam", "schedule_free_adamw", "schedule_free_sgd",
               "apollo_adamw", "apollo_adamw_layerwise", "stable_adamw")


# Members as class attributes (`SchedulerType.LINEAR`), as Enum has them.
for _enum in (IntervalStrategy, SaveStrategy, HubStrategy, SchedulerType, OptimizerNames):
    for _value in _enum._values:
        setattr(_enum, _value.upper(), _enum(_value))
del _enum, _value

# Optimizers sftnb's engine runs: every AdamW flavour is the same AdamW on a CPU.
_ADAMW = ("adamw_torch", "adamw_torch_fused", "adamw_torch_xla", "adamw_torch_npu_fused")


@dataclass
class TrainingArguments:
    output_dir: Any = None
    per_device_train_batch_size: Any = 8
    num_train_epochs: Any = 3.0
    max_steps: Any = -1
    learning_rate: Any = 5e-05
    lr_scheduler_type: Any = 'linear'
    lr_scheduler_kwargs: Any = None
    warmup_steps: Any = 0
    optim: Any = 'adamw_torch_fused'
    optim_args: Any = None
    weight_decay: Any = 0.0
    adam_beta1: Any = 0.9
    adam_beta2: Any = 0.999
    adam_epsilon: Any = 1e-08
    optim_target_modules: Any = None
    gradient_accumulation_steps: Any = 1
    average_tokens_across_devices: Any = True
    max_grad_norm: Any = 1.0
    label_smoothing_factor: Any = 0.0
    bf16: Any = False
    fp16: Any = False
    bf16_full_eval: Any = False
    fp16_full_eval: Any = False
    tf32: Any = None
    activation_checkpointing: Any = None
    activation_checkpointing_kwargs: Any = None
    gradient_checkpointing: Any = None
    gradient_checkpointing_kwargs: Any = None
    torch_compile: Any = False
    torch_compile_backend: Any = None
    torch_compile_mode: Any = None
    use_liger_kernel: Any = False
    liger_kernel_config: Any = None
    use_cache: Any = False
    neftune_noise_alpha: Any = None
    torch_empty_cache_steps: Any = None
    auto_find_batch_size: Any = False
    logging_strategy: Any = 'steps'
    logging_steps: Any = 500
    logging_first_step: Any = False
    log_on_each_node: Any = True
    logging_nan_inf_filter: Any = True
    include_num_input_tokens_seen: Any = 'no'
    log_level: Any = 'passive'
    log_level_replica: Any = 'warning'
    disable_tqdm: Any = None
    report_to: Any = 'none'
    run_name: Any = None
    project: Any = 'huggingface'
    trackio_space_id: Any = None
    trackio_bucket_id: Any = None
    trackio_static_space_id: Any = None
    eval_strategy: Any = 'no'
    eval_steps: Any = None
    eval_delay: Any = 0
    per_device_eval_batch_size: Any = 8
    prediction_loss_only: Any = False
    eval_on_start: Any = False
    eval_do_concat_batches: Any = True
    eval_use_gather_object: Any = False
    eval_accumulation_steps: Any = None
    include_for_metrics: Any = field(default_factory=lambda: [])
    batch_eval_metrics: Any = False
    save_only_model: Any = False
    save_strategy: Any = 'steps'
    save_steps: Any = 500
    save_on_each_node: Any = False
    save_total_limit: Any = None
    enable_jit_checkpoint: Any = False
    push_to_hub: Any = False
    hub_token: Any = None
    hub_private_repo: Any = None
    hub_model_id: Any = None
    hub_strategy: Any = 'every_save'
    hub_always_push: Any = False
    hub_revision: Any = None
    load_best_model_at_end: Any = False
    metric_for_best_model: Any = None
    greater_is_better: Any = None
    ignore_data_skip: Any = False
    restore_callback_states_from_checkpoint: Any = False
    full_determinism: Any = False
    seed: Any = 42
    data_seed: Any = None
    use_cpu: Any = False
    accelerator_config: Any = None
    parallelism_config: Any = None
    dataloader_drop_last: Any = False
    dataloader_num_workers: Any = 0
    dataloader_pin_memory: Any = True
    dataloader_persistent_workers: Any = False
    dataloader_prefetch_factor: Any = None
    dataloader_multiprocessing_context: Any = None
    dataloader_in_order: Any = True
    remove_unused_columns: Any = True
    label_names: Any = None
    train_sampling_strategy: Any = 'random'
    length_column_name: Any = 'length'
    ddp_find_unused_parameters: Any = None
    ddp_bucket_cap_mb: Any = None
    ddp_broadcast_buffers: Any = None
    ddp_static_graph: Any = None
    ddp_backend: Any = None
    ddp_timeout: Any = 1800
    fsdp: Any = None
    fsdp_config: Any = None
    deepspeed: Any = None
    debug: Any = ''
    skip_memory_metrics: Any = True
    do_train: Any = False
    do_eval: Any = False
    do_predict: Any = False
    resume_from_checkpoint: Any = None
    local_rank: Any = -1

    def __post_init__(self):
        if self.output_dir is None:
            self.output_dir = "trainer_output"
        for old, new in (("gradient_checkpointing", "activation_checkpointing"),
                         ("gradient_checkpointing_kwargs", "activation_checkpointing_kwargs")):
            if getattr(self, new) is None and getattr(self, old) is not None:
                setattr(self, new, getattr(self, old))
            setattr(self, old, getattr(self, new))
        if self.activation_checkpointing is None:
            self.activation_checkpointing = self.gradient_checkpointing = False
        if isinstance(self.include_num_input_tokens_seen, bool):
            self.include_num_input_tokens_seen = "all" if self.include_num_input_tokens_seen else "no"
        self.eval_strategy = IntervalStrategy(self.eval_strategy)
        self.logging_strategy = IntervalStrategy(self.logging_strategy)
        self.save_strategy = SaveStrategy(self.save_strategy)
        self.hub_strategy = HubStrategy(self.hub_strategy)
        self.lr_scheduler_type = SchedulerType(self.lr_scheduler_type)
        self.optim = OptimizerNames(self.optim)
        if self.do_eval is False and self.eval_strategy != "no":
            self.do_eval = True
        if self.eval_strategy == "steps" and (self.eval_steps is None or self.eval_steps == 0):
            if self.logging_steps > 0:
                self.eval_steps = self.logging_steps
            else:
                raise ValueError(f"evaluation strategy {self.eval_strategy} requires either non-zero --eval_steps or --logging_steps")
        if self.load_best_model_at_end and self.metric_for_best_model is None:
            self.metric_for_best_model = "loss"
        if self.greater_is_better is None and self.metric_for_best_model is not None:
            self.greater_is_better = not self.metric_for_best_model.endswith("loss")
        if self.report_to == "none" or self.report_to == ["none"]:
            self.report_to = []
        elif self.report_to == "all" or self.report_to == ["all"]:
            self.report_to = []
        elif not isinstance(self.report_to, list):
            self.report_to = [self.report_to]
        if self.logging_strategy == "steps" and self.logging_steps == 0:
            raise ValueError(f"logging strategy {self.logging_strategy} requires non-zero --logging_steps")
        if self.logging_strategy == "steps" and self.logging_steps > 1:
            if self.logging_steps != int(self.logging_steps):
                raise ValueError(f"--logging_steps must be an integer if bigger than 1: {self.logging_steps}")
            self.logging_steps = int(self.logging_steps)
        if self.eval_strategy == "steps" and self.eval_steps > 1:
            if self.eval_steps != int(self.eval_steps):
                raise ValueError(f"--eval_steps must be an integer if bigger than 1: {self.eval_steps}")
            self.eval_steps = int(self.eval_steps)
        if self.save_strategy == "steps" and self.save_steps > 1:
            if self.save_steps != int(self.save_steps):
                raise ValueError(f"--save_steps must be an integer if bigger than 1: {self.save_steps}")
            self.save_steps = int(self.save_steps)
        if self.load_best_model_at_end and self.save_strategy != "best":
            if self.eval_strategy != self.save_strategy:
                raise ValueError(
                    '--load_best_model_at_end requires the save and eval strategy to match, except when --save_strategy="best", but found\n- Evaluation '
                    f"strategy: {self.eval_strategy}\n- Save strategy: {self.save_strategy}")
        if self.fp16 and self.bf16:
            raise ValueError("At most one of fp16 and bf16 can be True, but not both")
        if self.fp16_full_eval and self.bf16_full_eval:
            raise ValueError("At most one of fp16 and bf16 can be True for full eval, but not both")
        if self.lr_scheduler_type == "reduce_lr_on_plateau" and self.eval_strategy == "no":
            raise ValueError("lr_scheduler_type reduce_lr_on_plateau requires an eval strategy")
        if self.optim not in _ADAMW:
            raise NotImplementedError(f"sftnb trains with AdamW only; optim={self.optim!r} is not supported (use 'adamw_torch')")
        if self.fp16:
            raise NotImplementedError("sftnb computes in float32 on the CPU; fp16=True is not supported")
        if self.bf16 or self.bf16_full_eval:
            raise NotImplementedError(
                "bf16=True (bf16 mixed-precision autocast) is not supported: sftnb computes in float32. "
                "Pass bf16=False; to keep the weights in bf16, load the model with torch_dtype=torch.bfloat16")
        if self.use_cpu:
            self.dataloader_pin_memory = False

    @property
    def train_batch_size(self):
        return self.per_device_train_batch_size

    @property
    def eval_batch_size(self):
        return self.per_device_eval_batch_size

    def get_warmup_steps(self, num_training_steps):
        """Warmup steps: an int is a count; a float below 1 is a ratio of the training steps (transformers 5)."""
        if self.warmup_steps >= 1:
            return int(self.warmup_steps)
        import math
        return math.ceil(num_training_steps * self.warmup_steps)

    def to_dict(self):
        """The fields, choice fields as their plain values (as transformers' to_dict)."""
        out = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.value if isinstance(value, ExplicitEnum) else value
        return out
