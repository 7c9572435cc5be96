# The two commands: `make quickstart` and `make test`. Both set up the machine first.
SWIFT ?= swift
# Tests run in release mode: the numeric tests (model parity, finite differences) need the speed.
RELEASE = -c release -Xswiftc -enable-testing
BIN = .build/release/sftnb

.PHONY: quickstart test build bench bootstrap clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build $(RELEASE) --product sftnb

quickstart: build
	$(BIN) run notebooks/quickstart.sftnb

# `swift test` builds every target, the `sftnb` binary included (ScriptTests runs it).
test: bootstrap
	$(SWIFT) test $(RELEASE)
	@if ls notebooks/*.sftnb >/dev/null 2>&1; then $(BIN) test notebooks/*.sftnb; fi

bench: build
	@scripts/bench

clean:
	rm -rf .build
