# The two commands: `make quickstart` and `make test`. Both set up the machine first.
SWIFT ?= swift
# Tests run in release mode: the numeric tests (model parity, finite differences) need the speed.
# scripts/cpu-flags adds the CPU's vector unit (AVX2) to the builds when it has one.
RELEASE = -c release -Xswiftc -enable-testing $(shell scripts/cpu-flags)
BIN = .build/release/sftnb
# Every tutorial notebook; pretrain_tiny rebuilds the bundled models (minutes), so `make test`
# leaves it out.
TUTORIALS = $(filter-out notebooks/pretrain_tiny.sftnb,$(wildcard notebooks/*.sftnb notebooks/ja/*.sftnb))

.PHONY: quickstart test build bench bootstrap clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build $(RELEASE) --product sftnb

# Runs the quickstart, showing its outputs as they come; the executed copy goes to .build/ so
# the stored notebook stays as committed.
quickstart: build
	$(BIN) run notebooks/quickstart.sftnb -o .build/quickstart.sftnb --log-output

# `swift test` builds every target, the `sftnb` binary included (ScriptTests runs it).
test: bootstrap
	$(SWIFT) test $(RELEASE)
	$(BIN) test $(TUTORIALS)

bench: build
	@scripts/bench

clean:
	rm -rf .build
