"""Writes test/support/hf-cli-commands.json: every `hf` command and its flags, read from
huggingface_hub's source (src/huggingface_hub/cli/) without importing it (no dependency needed).

Usage: python3 test/support/hf-cli-commands.py <huggingface_hub checkout> <commit> > test/support/hf-cli-commands.json

It follows the rules of huggingface_hub's CLI framework (cli/_framework.py): a command is named by
its decorator or by its function name in kebab case; a group is registered with
`add_group(group, name="name | alias")`; a parameter annotated with `Option("--a", "-b")` has
those flags, one with a bare `Option()` (or none, with a default) gets `--kebab-name`, and
`--no-kebab-name` too when it is a bool.
"""

import ast
import json
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
commit = sys.argv[2]
cli = root / "src" / "huggingface_hub" / "cli"
version = re.search(r'__version__ = "([^"]+)"', (root / "src" / "huggingface_hub" / "__init__.py").read_text()).group(1)

modules = {path.stem: ast.parse(path.read_text()) for path in sorted(cli.glob("*.py"))}


def kebab(name):
    return name.lower().replace("_", "-")


def call_name(node):
    """`Option(...)` -> 'Option'; `x.y(...)` -> 'y'."""
    if isinstance(node, ast.Call):
        func = node.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return None


# Module-level `Name = Annotated[...]` aliases (RepoTypeOpt, TokenOpt, ...), across every module.
aliases = {}
for tree in modules.values():
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if isinstance(node.value, ast.Subscript) and getattr(node.value.value, "id", None) == "Annotated":
                aliases[node.targets[0].id] = node.value


def resolve(annotation):
    if isinstance(annotation, ast.Name) and annotation.id in aliases:
        return aliases[annotation.id]
    return annotation


def is_bool(type_node):
    text = ast.unparse(type_node)
    return text in ("bool", "bool | None", "Optional[bool]")


def flags_of(function):
    flags, arguments = [], []
    params = function.args.args + function.args.kwonlyargs
    defaults = [None] * (len(function.args.args) - len(function.args.defaults)) + list(function.args.defaults)
    defaults += list(function.args.kw_defaults)
    for param, default in zip(params, defaults):
        annotation = resolve(param.annotation) if param.annotation is not None else None
        marker, base = None, annotation
        if isinstance(annotation, ast.Subscript) and getattr(annotation.value, "id", None) == "Annotated":
            elements = annotation.slice.elts
            base = elements[0]
            marker = next((e for e in elements[1:] if call_name(e) in ("Option", "Argument")), None)
        if base is not None and "Context" in ast.unparse(base):
            continue
        kind = call_name(marker) if marker is not None else ("Argument" if default is None else "Option")
        if kind == "Argument":
            arguments.append(kebab(param.arg))
            continue
        declared = [a.value for a in (marker.args if marker is not None else []) if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if declared:
            flags.extend(declared)
        else:
            flags.append(f"--{kebab(param.arg)}")
            if base is not None and is_bool(base):
                flags.append(f"--no-{kebab(param.arg)}")
    return sorted(set(flags)), arguments


def find_function(name):
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return node
    raise SystemExit(f"function {name} not found")


def names_of(name):
    return [part.strip() for part in name.split("|")]


# group variable -> {command name: (aliases, function)}; group variable -> [(name, child variable)]
commands, groups = {}, {}


def register(group, name, function, hidden):
    if function.name == "make_cp":  # a factory: the command is the function it defines
        function = next(n for n in function.body if isinstance(n, ast.FunctionDef))
    if hidden:
        return
    all_names = names_of(name) if name else [kebab(function.name)]
    commands.setdefault(group, {})[all_names[0]] = (all_names[1:], function)


def keyword(call, key):
    return next((k.value for k in call.keywords if k.arg == key), None)


def hidden_of(call):
    value = keyword(call, "hidden")
    return isinstance(value, ast.Constant) and value.value is True


for tree in modules.values():
    for node in ast.walk(tree):
        # @group.command("name", ...) def f(...)
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute) and decorator.func.attr == "command":
                    group = ast.unparse(decorator.func.value)
                    name = decorator.args[0].value if decorator.args and isinstance(decorator.args[0], ast.Constant) else None
                    name = name or (keyword(decorator, "name").value if keyword(decorator, "name") is not None else None)
                    register(group, name, node, hidden_of(decorator))
        # group.command(...)(function) and group.add_group(child, name="...")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and isinstance(node.func.func, ast.Attribute):
            if node.func.func.attr == "command" and node.args:
                target = node.args[0]
                function = find_function(target.func.id if isinstance(target, ast.Call) else target.id)
                name = node.func.args[0].value if node.func.args else None
                register(ast.unparse(node.func.func.value), name, function, hidden_of(node.func))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_group":
            if not hidden_of(node):
                groups.setdefault(ast.unparse(node.func.value), []).append((keyword(node, "name").value, ast.unparse(node.args[0])))


result = {}


def walk(group, prefix):
    for name, (alias_names, function) in commands.get(group, {}).items():
        flags, arguments = flags_of(function)
        entry = {"arguments": arguments, "flags": flags}
        if alias_names:
            entry["aliases"] = alias_names
        result[" ".join(prefix + [name])] = entry
    for name, child in groups.get(group, []):
        all_names = names_of(name)
        if len(all_names) > 1:
            result.setdefault("_group_aliases", {})[" ".join(prefix + [all_names[0]])] = all_names[1:]
        walk(child, prefix + [all_names[0]])


walk("app", [])
group_aliases = result.pop("_group_aliases", {})
print(
    json.dumps(
        {
            "source": "huggingface_hub src/huggingface_hub/cli/, read by test/support/hf-cli-commands.py",
            "version": version,
            "commit": commit,
            "groupAliases": group_aliases,
            "commands": dict(sorted(result.items())),
        },
        indent=2,
    )
)
