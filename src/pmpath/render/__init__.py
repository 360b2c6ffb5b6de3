"""Terminal pictures shared by several kinds: the Gantt chart, the task table of a schedule
and the checklist of required sections."""
