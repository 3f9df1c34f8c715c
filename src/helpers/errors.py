"""The one error type that reaches users: a bad input file and what is wrong with it."""

from pathlib import Path


class InputError(Exception):
    """A file that cannot be processed; str() is the one line shown to the user.

    >>> str(InputError("data/raw/x.txt", "file is empty"))
    'data/raw/x.txt: file is empty'
    """

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):
        # Rebuilt from (path, reason) so that it survives the trip back from a worker process.
        return type(self), (self.path, self.reason)


class InputErrors(Exception):
    """Several bad files found in one pass; each is reported on its own line."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))

    def __reduce__(self):
        return type(self), (self.errors,)
