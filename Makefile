# Two commands: `make portal` builds the sample portal, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
OUT ?= site
# CODEOWNERS is checked against the roles of this version: CI passes the pull request's base.
CODEOWNERS_BASE ?= HEAD
PORT ?= 8000

EDITOR_PORT ?= 8000

.PHONY: portal serve test validate schemas editor clean

# A virtual environment with the pinned dependencies; remade when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv không chạy được: cài python3-venv (installing python3-venv)"; \
	  apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

# Browser tests drive Debian's Chromium through Playwright; no browser is downloaded.
# The nginx snippet is tested with Debian's nginx and its Brotli module.
$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@command -v chromium >/dev/null || { \
	  echo "Cài Chromium của Debian cho kiểm thử trình duyệt (installing chromium)"; \
	  apt-get update -q && apt-get install -y -q chromium; }
	@command -v nginx >/dev/null && test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so || { \
	  echo "Cài nginx và mô-đun Brotli để kiểm thử bản nén sẵn (installing nginx)"; \
	  apt-get update -q && apt-get install -y -q --no-install-recommends \
	    nginx-light libnginx-mod-http-brotli-static; }
	@touch $@

# The web editor's Decap CMS and its local Git server, from npm with the committed lockfile
# (never copied into the repository); Node.js from Debian when missing.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  echo "Cài Node.js của Debian cho trình biên tập (installing nodejs, npm)"; \
	  apt-get update -q && apt-get install -y -q nodejs npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

portal: $(VENV)/.installed
	$(PY) build.py build --out $(OUT)
	@echo "Đã dựng cổng mẫu vào $(OUT)/. Xem trước: make serve, rồi mở http://127.0.0.1:$(PORT)/"

serve: $(VENV)/.installed
	@test -f $(OUT)/index.html || $(PY) build.py build --out $(OUT)
	$(PY) build.py serve --out $(OUT) --port $(PORT)

validate: $(VENV)/.installed
	$(PY) build.py validate

# The web editor on 127.0.0.1 over this checkout, with no account: items are saved as
# cms/… branches of this repository (commit or stash your own changes first).
editor: $(VENV)/.installed node_modules/.installed
	$(PY) build.py editor --local --port $(EDITOR_PORT)

schemas: $(VENV)/.installed
	$(PY) build.py schemas --out schemas

# The tests' temporary folders are in memory (tmpfs) when it has room: the suite builds
# about a hundred small portals, and on this kind of disk creating a file costs a
# millisecond of system time (a build of the tests' portal: 7.4 s of it, 1.2 s in memory).
TEST_TMPDIR := $(shell df --output=avail -k /dev/shm 2>/dev/null | awk 'NR == 2 && $$1 > 4000000 {print "/dev/shm"}')

# Every check CI runs: lint, format, the layer contract, types, generated files, the tests.
test: $(VENV)/.installed-test node_modules/.installed
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) build.py schemas --out schemas --check
	$(PY) build.py validate
	$(PY) build.py codeowners --check --base $(CODEOWNERS_BASE)
	$(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR)) $(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder

clean:
	rm -rf $(OUT) .pytest_cache
