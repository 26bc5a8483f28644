"""Property tests (hypothesis): bad input of every kind, the workflow as a state machine, the PDF and the
public website. Each test keeps its example count small (see strategies.FAST) so the folder stays quick."""
