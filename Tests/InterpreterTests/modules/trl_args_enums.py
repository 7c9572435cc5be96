# TrainingArguments/SFTConfig choice fields as transformers' ExplicitEnum members: printed, compared,
# converted by to_dict, and rejected with transformers' message when unknown.
from transformers import TrainingArguments, SchedulerType, IntervalStrategy
from trl import SFTConfig

args = SFTConfig(output_dir="_golden_tmp_enums", report_to="none", use_cpu=True, bf16=False, lr_scheduler_type="cosine",
                 eval_strategy="steps", eval_steps=5, save_strategy="epoch")
print(args.lr_scheduler_type, args.optim, args.logging_strategy, args.eval_strategy, args.save_strategy, args.hub_strategy)
print(repr(args.lr_scheduler_type), [args.eval_strategy], f"{args.save_strategy}", "%s" % args.optim)
print(args.lr_scheduler_type == "cosine", args.eval_strategy != "no", args.lr_scheduler_type.value, args.optim.name)
print(type(args.lr_scheduler_type).__name__, isinstance(args.eval_strategy, str), args.lr_scheduler_type is SchedulerType.COSINE or args.lr_scheduler_type == SchedulerType.COSINE)
d = args.to_dict()
print(d["lr_scheduler_type"], d["optim"], d["eval_strategy"], type(d["save_strategy"]).__name__)
print(IntervalStrategy("epoch"), IntervalStrategy.STEPS == "steps")
for kwargs in ({"lr_scheduler_type": "bogus"}, {"eval_strategy": "sometimes"}, {"optim": "adamw_hf"}):
    try:
        TrainingArguments(output_dir="_golden_tmp_enums", report_to="none", **kwargs)
    except ValueError as e:
        print("ValueError:", e)
