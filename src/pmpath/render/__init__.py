"""Terminal pictures of artifacts: heat maps, capacity bars, burndowns, Gantt charts."""
