/*
 * ui-edit: v, as in less: the file being read in the user's editor
 * ($VISUAL, else $EDITOR, else vi), at the source line of the first line
 * on screen ("+LINE FILE", which vi, vim, nano, emacs and most others
 * understand).  The command is run by sh, so that an editor variable
 * with arguments ("code -w") works as it does for less; the file name is
 * passed as an argument, never put in the command text.
 *
 * The terminal is the editor's meanwhile: curses is ended, and the quit
 * signals that the terminal sends the whole foreground group (^C in the
 * editor) are ignored by the reader until the editor exits.  Then the
 * screen is painted again, and an edited file is loaded again
 * (ui_load_watch before, ui_load_check after).
 */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui-int.h"

/* v. */
void
ui_edit_source(struct ui *ui)
{
	struct sigaction sa, old_int, old_quit, old_tstp;
	size_t		 f, line, byte, size;
	const char	*path;
	char		 arg[32];
	pid_t		 pid;
	int		 status;

	if (!ui_place_source(ui, &f, &line, &byte, &size)) {
		ui_message(ui, false, "(no text to edit)");
		return;
	}
	path = ui->doc->files[f].path;
	if (strcmp(path, "-") == 0) {
		ui_message(ui, true, "v: standard input cannot be edited");
		return;
	}
	snprintf(arg, sizeof arg, "+%zu", line);
	ui_load_watch(ui);
	def_prog_mode();
	endwin();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGQUIT, &sa, &old_quit);
	sigaction(SIGTSTP, &sa, &old_tstp);
	if ((pid = fork()) == 0) {
		sa.sa_handler = SIG_DFL;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGQUIT, &sa, NULL);
		sigaction(SIGTSTP, &sa, NULL);
		execl("/bin/sh", "sh", "-c",
		    "exec ${VISUAL:-${EDITOR:-vi}} \"$@\"", "sh", arg, path,
		    (char *)NULL);
		_exit(127);
	}
	status = 0;
	if (pid > 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0)
		ui_message(ui, true, "v: cannot start the editor: %s",
		    strerror(errno));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		ui_message(ui, true, "v: the editor could not be run "
		    "($VISUAL, $EDITOR, vi)");
	ui_load_check(ui);
}
