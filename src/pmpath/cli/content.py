"""The rest of the path's content: principles, certifications, career."""



from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, print_json

app = command_group()



def _content(name: str) -> dict:
    from pmpath.core.curriculum import read_content

    ws = session.optional_workspace()
    root = session.curriculum(ws).root
    return read_content(root, name)


@app.command("principles")
def principles(as_json: bool = JSON_OPTION) -> None:
    """The ten principles great technical PMs work by."""
    data = _content("principles")
    if as_json:
        print_json({"version": 1, **data})
        return
    from rich.padding import Padding
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    for number, item in enumerate(data["principles"], start=1):
        out.print(Text(f"{number:>2}. {item['title']}", style="title"))
        out.print(Padding(item["summary"], (0, 0, 0, 5), expand=False))
        out.print(Padding(Text("In practice: ", style="bold") + Text(item["in_practice"]),
                          (0, 0, 1, 5), expand=False))


@app.command("certs")
def certs(as_json: bool = JSON_OPTION) -> None:
    """Certifications worth knowing, who each is for, and when to get one."""
    data = _content("certifications")
    if as_json:
        print_json({"version": 1, **data})
        return
    from rich.padding import Padding
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    for item in data["certifications"]:
        out.print(Text(item["name"], style="title"),
                  Text(f"  ({item['body']})", style="muted"))
        out.print(Padding(item["focus"], (0, 0, 0, 4), expand=False))
        out.print(Padding(Text("For: ", style="bold") + Text(item["for_whom"]), (0, 0, 1, 4),
                          expand=False))
    out.print(Text("When to certify", style="title"))
    out.print(Padding(data["advice"]["when"], (0, 0, 0, 4), expand=False))


@app.command("career")
def career(as_json: bool = JSON_OPTION) -> None:
    """Career levels, ways in, tactics for breaking in, and daily practice."""
    data = _content("career")
    if as_json:
        print_json({"version": 1, **data})
        return
    from rich.padding import Padding
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    out.print(Text("Career levels", style="title"))
    for number, level in enumerate(data["levels"], start=1):
        out.print(Text(f"{number}. {level['title']}", style="bold"),
                  Text(f" — {level['focus']}"))
        out.print(Padding(level["description"], (0, 0, 1, 3), expand=False))
    out.print(Text("Ways in", style="title"))
    out.print(Padding(data["entry_paths"]["summary"], (0, 0, 0, 3), expand=False))
    for path in data["entry_paths"]["paths"]:
        out.print(Padding(Text(f"• {path['title']}: ", style="bold") + Text(path["description"]),
                          (0, 0, 0, 3), expand=False))
    out.print()
    out.print(Text("Breaking in", style="title"))
    for number, tactic in enumerate(data["tactics"], start=1):
        out.print(Padding(Text(f"{number}. {tactic['title']}. ", style="bold")
                          + Text(tactic["description"]), (0, 0, 0, 3), expand=False))
    for exercise in data.get("exercises", []):
        how = f"`pmpath new {exercise['artifact']}`, then `pmpath check`"
        out.print(Padding(Text(f"Practise it: {exercise['title']} — {how}", style="muted"),
                          (0, 0, 0, 3), expand=False))
    out.print()
    out.print(Text("Daily practice", style="title"))
    out.print(Padding(data["daily_practice"], (0, 0, 1, 3), expand=False))
    out.print(Padding(Text(data["closing"], style="italic"), (0, 0, 0, 3), expand=False))
