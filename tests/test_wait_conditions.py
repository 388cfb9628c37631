"""Every ``qtbot.waitUntil`` condition in the tests returns a real bool, whatever the timing.

pytest-qt accepts only None, True or False from the callback (0 and 1 pass as False and True) and takes None
as success. ``lambda: ready and page.total`` therefore returns False while ``ready`` is false, then the count:
177 raises ValueError, 0 passes as False, None (count not known yet) ends the wait as if it had succeeded. Which
one the test meets depends on when the count arrives: CI refused a submission on it. Read statically, so a
condition that can return a non-bool fails here on every machine, not on a slow one only.

A condition is boolean when it is a comparison, a ``not``, ``bool()``/``isinstance()``/``all()``/``any()``, a
call of a predicate method (``isVisible``, ``hasFocus``, ``is_file``, ``exists`` …) or of a function annotated
``-> bool`` wherever a function of that name is defined (``has_keys``), an attribute the code only
ever sets to True or False (``op.done``), or ``and``/``or`` of such conditions. A function passed by name must
return such conditions (or nothing: assert style).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("desktop", "tests")
"""Where the objects the GUI tests wait on are defined (``forms.tasks.TaskState.done`` is a count: a name is
read in the code whose objects the conditions look at, not across the project)."""
BOOL_FUNCTIONS = {"bool", "isinstance", "issubclass", "all", "any", "callable", "hasattr"}
BOOL_METHODS = {"exists", "is_file", "is_dir", "startswith", "endswith", "isdigit", "isActive", "isVisible",
                "isVisibleTo", "isEnabled", "isHidden", "isChecked", "hasFocus", "isModal", "is_set"}


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


@cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _is_bool_value(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, bool)) or isinstance(node, ast.Compare) \
        or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not))


def boolean_attributes() -> set[str]:
    """Attribute names that every assignment in the code sets to True/False (or annotates as ``bool``)."""
    good: set[str] = set()
    bad: set[str] = set()
    for path in python_files(*SOURCES):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Assign):
                targets, value, annotation = node.targets, node.value, None
            elif isinstance(node, ast.AnnAssign):
                targets, value, annotation = [node.target], node.value, node.annotation
            else:
                continue
            for target in targets:
                for leaf in ast.walk(target) if isinstance(target, ast.Tuple) else [target]:
                    if not isinstance(leaf, ast.Attribute):
                        continue
                    if isinstance(target, ast.Tuple):
                        bad.add(leaf.attr)  # a tuple assignment: not checked, so not trusted
                    elif (annotation is not None and ast.unparse(annotation) == "bool") or (
                            value is not None and _is_bool_value(value)):
                        good.add(leaf.attr)
                    else:
                        bad.add(leaf.attr)
    return good - bad


def boolean_functions() -> set[str]:
    """Function names annotated ``-> bool`` everywhere they are defined in the project."""
    good: set[str] = set()
    bad: set[str] = set()
    for path in python_files("desktop", "forms", "sync", "tests"):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                returns = ast.unparse(node.returns) if node.returns is not None else ""
                (good if returns == "bool" else bad).add(node.name)
    return good - bad


class Conditions:
    def __init__(self) -> None:
        self.bool_attributes = boolean_attributes()
        self.bool_functions = BOOL_FUNCTIONS | boolean_functions()

    def boolean(self, node: ast.expr) -> bool:
        if _is_bool_value(node):
            return True
        if isinstance(node, ast.BoolOp):
            return all(self.boolean(value) for value in node.values)
        if isinstance(node, ast.Attribute):
            return node.attr in self.bool_attributes
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                return func.id in self.bool_functions
            if isinstance(func, ast.Attribute):
                return func.attr in BOOL_METHODS or func.attr in self.bool_functions
        return False

    def callback_problems(self, callback: ast.expr, scope: ast.AST) -> list[str]:
        """Why ``callback`` may return something else than a bool (empty: it cannot)."""
        if isinstance(callback, ast.Lambda):
            return [] if self.boolean(callback.body) else [ast.unparse(callback.body)]
        if isinstance(callback, ast.Attribute):  # a bound method: a predicate by its name
            return [] if callback.attr in BOOL_METHODS else [ast.unparse(callback)]
        if isinstance(callback, ast.Name):
            functions = [n for n in ast.walk(scope) if isinstance(n, ast.FunctionDef) and n.name == callback.id]
            if len(functions) != 1:
                return [f"{callback.id} (fonction introuvable dans le fichier)"]
            return [ast.unparse(r.value) for r in ast.walk(functions[0])
                    if isinstance(r, ast.Return) and r.value is not None and not self.boolean(r.value)]
        return [ast.unparse(callback)]


@cache
def conditions_of_the_project() -> Conditions:
    return Conditions()


def _expecting_a_refusal(tree: ast.AST) -> set[int]:
    """The calls written inside ``with pytest.raises(…)``: a test of the refusal itself (tests/desktop/test_waits.py)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.With) and any(
                isinstance(item.context_expr, ast.Call) and ast.unparse(item.context_expr.func) == "pytest.raises"
                for item in node.items):
            inside.update(id(n) for statement in node.body for n in ast.walk(statement))
    return inside


def wait_conditions(tree: ast.AST):
    refused_on_purpose = _expecting_a_refusal(tree)
    for node in ast.walk(tree):
        if id(node) in refused_on_purpose:
            continue
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("waitUntil", "wait_until")):
            callback = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "callback"),
                                                            None)
            if callback is not None:
                yield node, callback


def test_every_wait_condition_returns_a_bool() -> None:
    conditions = conditions_of_the_project()
    assert "done" in conditions.bool_attributes  # Operation.done: only ever False or True
    problems, seen = [], 0
    for path in python_files("tests"):
        tree = parsed(path)
        for call, callback in wait_conditions(tree):
            seen += 1
            for problem in conditions.callback_problems(callback, tree):
                problems.append(f"{path.relative_to(ROOT)}:{call.lineno}: {problem}")
    assert seen > 100  # the suite's waits are read
    assert not problems, "conditions de waitUntil qui peuvent rendre autre chose qu'un booléen :\n" + "\n".join(
        problems)


def test_the_check_refuses_what_failed_on_ci() -> None:
    conditions = conditions_of_the_project()
    cases = {
        'lambda: page.model.filter.search == "Tazi" and page.total': False,  # what CI refused (177)
        "lambda: page.total": False,
        "lambda: model.loading or rows": False,
        "lambda: len(seen)": False,
        "lambda: seen": False,
        'lambda: page.model.filter.search == "Tazi" and (page.total or 0) > 0': True,
        "lambda: bool(seen)": True,
        "lambda: not runner.active and op.done": True,
        "lambda: editor.isVisible() and out.exists()": True,
        "lambda: has_keys(workspace) and not runner.active": True,
        "lambda: len(runner.active) == 1 and runner.active[0]": False,
    }
    for source, expected in cases.items():
        tree = ast.parse(f"qtbot.waitUntil({source})")
        [(_call, callback)] = list(wait_conditions(tree))
        assert (not conditions.callback_problems(callback, tree)) is expected, source
    tree = ast.parse("with pytest.raises(ValueError):\n    qtbot.waitUntil(lambda: 0)\nqtbot.waitUntil(lambda: seen)\n")
    assert [ast.unparse(c) for _call, c in wait_conditions(tree)] == ["lambda: seen"]  # only the one not expected
    tree = ast.parse("def attached():\n    windows = []\n    return windows and windows[0].isVisible()\n"
                     "qtbot.waitUntil(attached)\n")
    [(_call, callback)] = list(wait_conditions(tree))
    assert conditions.callback_problems(callback, tree) == ["windows and windows[0].isVisible()"]
