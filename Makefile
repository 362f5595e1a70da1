# Two commands for everyone: `make site` validates every record and builds the
# site into site/; `make test` runs the whole test suite. Both set up .venv
# from the hashed lock file first, needing only Python 3.11+ and the package registry.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-tools check serve schema lock clean setup

setup: $(STAMP)

$(STAMP): requirements/requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "kehoach cần Python 3.11 trở lên (đang có: $$($(PYTHON) --version 2>&1))."; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) \
		|| { echo "Không tạo được môi trường ảo. Trên Debian/Ubuntu hãy cài: apt-get install python3-venv"; exit 2; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-* && touch $@

check: $(STAMP)
	$(BIN)/kehoach check

site: $(STAMP)
	$(BIN)/kehoach check
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(BIN)/mkdocs serve

# Tools the tests drive from outside Python: Debian packages listed in
# requirements/apt-test.txt (chromium and its driver, ...), installed when one is
# missing (as root, or through sudo), and npm packages locked in package-lock.json.
APT_TEST := $(shell grep -v '^\s*\#' requirements/apt-test.txt)
APT_STAMP := $(VENV)/.apt-$(shell cat requirements/apt-test.txt | cksum | cut -d' ' -f1)
NPM_STAMP := node_modules/.installed-$(shell cat package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)

test-tools: $(APT_STAMP) $(NPM_STAMP)

$(APT_STAMP): requirements/apt-test.txt | $(STAMP)
	@missing=$$(for p in $(APT_TEST); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
		else echo "Cần cài các gói Debian: apt-get install $$missing"; exit 2; fi; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@rm -f $(VENV)/.apt-* && touch $@

$(NPM_STAMP): package-lock.json | $(APT_STAMP)
	@if grep -q '"node_modules/' package-lock.json; then \
		if ! command -v npm >/dev/null; then \
			if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
			else echo "Cần Node.js và npm cho một số kiểm thử: apt-get install nodejs npm"; exit 2; fi; \
			$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
		fi; \
		npm ci --silent --no-audit --no-fund >/dev/null; \
	fi
	@mkdir -p node_modules && rm -f node_modules/.installed-* && touch $@

test: $(STAMP) test-tools
	$(BIN)/pre-commit run --all-files --show-diff-on-failure
	$(BIN)/python -m pytest -n auto --dist worksteal

schema: $(STAMP)
	$(BIN)/kehoach schema

# Regenerate the lock after editing requirements/requirements.in.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements/requirements.lock requirements/requirements.in

clean:
	rm -rf $(VENV) site .pytest_cache node_modules
