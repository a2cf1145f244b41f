/*
 * bench-reader: how soon the reader shows things, next to less on the same
 * file in the same run.  Not a test: it prints figures and never fails on
 * speed.
 *
 *	bench-reader [-m MB] [-n RUNS] [-k] -d DUBAO [FILE]
 *
 * Without FILE it writes a corpus of at least MB megabytes (default 100;
 * corpus.h) and a last page with a sentence found nowhere else.  Each
 * program runs in a pseudo-terminal of 80x24 (TERM=xterm-256color,
 * LC_ALL=C.UTF-8, no saved state, no LESS options), from a warm page
 * cache, and the time is taken from its start until its output shows:
 *   - first screen: the first story's headline (推进监地协作);
 *   - search: "/终点标记甲乙丙" and Enter are typed at once, at start-up,
 *     and the clock stops when the text after the match on the last page
 *     (之后再无别的文字) is drawn: the search waits for the load.
 * The output is read with the terminal's escape sequences taken out.
 * Each figure is the median of RUNS runs (default 3), dubao and less one
 * after the other in each.  A program that shows nothing in 120 s is
 * reported as such.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "corpus.h"
#include "xmalloc.h"

#define MB		(1024.0 * 1024.0)
#define LIMIT_S		120.0		/* a run gives up after this */
#define FIRST_TEXT	"推进监地协作"
#define SEARCH_KEYS	"/终点标记甲乙丙\r"
#define FOUND_TEXT	"之后再无别的文字"
#define LAST_PAGE	"\f本页是基准测试的最后一页：终点标记甲乙丙就在这里，" \
			"之后再无别的文字。\n"

/* The text of a terminal's output: escape sequences (CSI, OSC and the
   other ESC sequences) left out, the rest kept. */
struct screen_text {
	char	*buf;
	size_t	 len, cap;
	int	 state;			/* 0 text, 1 after ESC, 2 CSI, 3 OSC */
};

/* Take in n bytes of output. */
static void
text_feed(struct screen_text *t, const char *s, size_t n)
{
	size_t		 i;
	unsigned char	 c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		switch (t->state) {
		case 1:
			t->state = c == '[' ? 2 : c == ']' ? 3 :
			    (c >= 0x20 && c <= 0x2f) ? 1 : 0;
			continue;
		case 2:
			if (c >= 0x40 && c <= 0x7e)
				t->state = 0;
			continue;
		case 3:
			if (c == 0x07 || c == 0x1b)
				t->state = c == 0x1b ? 1 : 0;
			continue;
		default:
			break;
		}
		if (c == 0x1b) {
			t->state = 1;
			continue;
		}
		if (c < 0x20)
			continue;
		if (t->len + 2 > t->cap)
			t->buf = xrealloc(t->buf, t->cap = 2 * t->cap + 4096);
		t->buf[t->len++] = (char)c;
		t->buf[t->len] = '\0';
	}
}

/* Start argv in a new pseudo-terminal of 80x24; returns the master and
   the child's pid. */
static int
run_pty(char *const argv[], pid_t *pid)
{
	struct winsize	 ws = { .ws_row = 24, .ws_col = 80 };
	int		 m, s;
	char		*name;

	if ((m = posix_openpt(O_RDWR | O_NOCTTY)) < 0 || grantpt(m) != 0 ||
	    unlockpt(m) != 0 || (name = ptsname(m)) == NULL) {
		perror("bench-reader: pty");
		exit(2);
	}
	ioctl(m, TIOCSWINSZ, &ws);
	if ((*pid = fork()) < 0) {
		perror("bench-reader: fork");
		exit(2);
	}
	if (*pid == 0) {
		setsid();
		if ((s = open(name, O_RDWR)) < 0)
			_exit(127);
		ioctl(s, TIOCSCTTY, 0);
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		if (s > 2)
			close(s);
		close(m);
		execvp(argv[0], argv);
		_exit(127);
	}
	return m;
}

/* Seconds from the start of argv until its output shows want, keys
   typed at once (NULL: none); -1 when it did not within LIMIT_S. */
static double
time_until(char *const argv[], const char *keys, const char *want)
{
	struct screen_text t = { NULL, 0, 0, 0 };
	struct pollfd	 pfd;
	char		 buf[65536];
	double		 t0 = corpus_now(), found = -1;
	ssize_t		 r;
	pid_t		 pid;
	int		 m, st;

	m = run_pty(argv, &pid);
	if (keys != NULL && write(m, keys, strlen(keys)) < 0)
		perror("bench-reader: write");
	pfd.fd = m;
	pfd.events = POLLIN;
	while (corpus_now() - t0 < LIMIT_S) {
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		if ((r = read(m, buf, sizeof buf)) <= 0)
			break;
		text_feed(&t, buf, (size_t)r);
		if (t.buf != NULL && strstr(t.buf, want) != NULL) {
			found = corpus_now() - t0;
			break;
		}
	}
	kill(pid, SIGTERM);
	/* Drain, so that the child is not stuck writing. */
	while (poll(&pfd, 1, 200) > 0 && read(m, buf, sizeof buf) > 0)
		;
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	close(m);
	free(t.buf);
	return found;
}

/* The median of n figures (-1: a run that failed counts as the most). */
static double
median(double *v, int n)
{
	int	 i, j;
	double	 x;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && (v[j - 1] < 0 || (v[j] >= 0 &&
		    v[j] < v[j - 1])); j--) {
			x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	return v[n / 2];
}

/* Print a figure in milliseconds. */
static void
show(const char *what, double s)
{
	if (s < 0)
		printf("  %-6s nothing within %.0f s\n", what, LIMIT_S);
	else
		printf("  %-6s %8.1f ms\n", what, s * 1000);
}

/* Is prog on the PATH? */
static int
have(const char *prog)
{
	char	*cmd = xasprintf("command -v %s >/dev/null 2>&1", prog);
	int	 r = system(cmd);

	free(cmd);
	return r == 0;
}

int
main(int argc, char *argv[])
{
	char		 tmpl[] = "/tmp/dubao-bench-reader.XXXXXX";
	char		 state[] = "/tmp/dubao-bench-state.XXXXXX";
	const char	*dubao = NULL, *path;
	double		 want = 100, dfirst[9], lfirst[9], dfind[9], lfind[9];
	double		 size;
	int		 ch, keep = 0, runs = 3, i, less;
	FILE		*fp;
	struct stat	 sb;
	char		*cat;

	while ((ch = getopt(argc, argv, "d:km:n:")) != -1) {
		switch (ch) {
		case 'd':
			dubao = optarg;
			break;
		case 'k':
			keep = 1;
			break;
		case 'm':
			want = atof(optarg);
			break;
		case 'n':
			runs = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: bench-reader [-m MB] [-n RUNS] "
			    "[-k] -d DUBAO [FILE]\n");
			return 2;
		}
	}
	if (runs < 1 || runs > 9)
		runs = 3;
	if (dubao == NULL) {
		fprintf(stderr, "bench-reader: -d DUBAO is needed\n");
		return 2;
	}
	if (optind < argc)
		path = argv[optind];
	else {
		corpus_temp(tmpl, (size_t)(want * MB), "bench-reader");
		if ((fp = fopen(tmpl, "ab")) == NULL ||
		    fputs(LAST_PAGE, fp) == EOF || fclose(fp) != 0) {
			perror(tmpl);
			return 2;
		}
		path = tmpl;
	}
	if (stat(path, &sb) != 0 || mkdtemp(state) == NULL) {
		perror(path);
		return 2;
	}
	size = (double)sb.st_size;
	setenv("TERM", "xterm-256color", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("XDG_STATE_HOME", state, 1);
	setenv("LESS", "", 1);
	setenv("LESSHISTFILE", "-", 1);
	unsetenv("LESSOPEN");
	unsetenv("LESSCLOSE");
	less = have("less");
	/* A warm page cache for both. */
	cat = xasprintf("cat '%s' > /dev/null", path);
	if (system(cat) != 0)
		fprintf(stderr, "bench-reader: cannot read %s\n", path);
	free(cat);

	{
		char *dargs[] = { (char *)dubao, (char *)"--no-remember",
		    (char *)path, NULL };
		char *largs[] = { (char *)"less", (char *)path, NULL };

		for (i = 0; i < runs; i++) {
			dfirst[i] = time_until(dargs, NULL, FIRST_TEXT);
			lfirst[i] = less ? time_until(largs, NULL,
			    FIRST_TEXT) : -1;
			dfind[i] = time_until(dargs, SEARCH_KEYS, FOUND_TEXT);
			lfind[i] = less ? time_until(largs, SEARCH_KEYS,
			    FOUND_TEXT) : -1;
		}
	}
	printf("reader: %.1f MB file, 80x24 pseudo-terminal, median of %d "
	    "runs\n", size / MB, runs);
	printf("first screen (start to the first headline drawn)\n");
	show("dubao", median(dfirst, runs));
	if (less)
		show("less", median(lfirst, runs));
	printf("search typed at start-up to the match on the last page "
	    "drawn\n");
	show("dubao", median(dfind, runs));
	if (less)
		show("less", median(lfind, runs));
	if (!less)
		printf("  (less is not installed: no figures to compare)\n");
	if (!keep && path == tmpl)
		unlink(tmpl);
	else if (keep)
		printf("corpus kept: %s\n", path);
	cat = xasprintf("rm -rf '%s'", state);
	if (system(cat) != 0)
		fprintf(stderr, "bench-reader: cannot remove %s\n", state);
	free(cat);
	return 0;
}
