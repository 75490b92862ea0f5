"""Keep compiled theme templates in memory, so a worker compiles them once, not once a site."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode kept for the life of the process, keyed by template name and source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


# One per process: MkDocs makes a new Jinja environment for every site it builds.
TEMPLATE_CACHE = MemoryBytecodeCache()
