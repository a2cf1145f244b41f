/*
 * dubao — read Chinese newspaper pages in a terminal.
 *
 * main: options, locale, loading, then either the interactive reader
 * (stdout a terminal) or one of the output modes (--dump, --toc, --stats,
 * --json, --grep).
 */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "doc-quick.h"
#include "dump.h"
#include "explain.h"
#include "grep.h"
#include "layout.h"
#include "safe.h"
#include "script.h"
#include "search.h"
#include "ui.h"
#include "xmalloc.h"

enum mode {
	MODE_AUTO,		/* the reader on a terminal, else the dump */
	MODE_DUMP,
	MODE_TOC,
	MODE_STATS,
	MODE_JSON,
	MODE_GREP,
	MODE_EXPLAIN
};

enum {
	OPT_RAW_PUNCT = 256,
	OPT_MEASURE,
	OPT_NO_REMEMBER,
	OPT_NO_MOUSE,
	OPT_COLOR,
	OPT_GREP,
	OPT_REGEX,
	OPT_EXACT,
	OPT_SCRIPT,
	OPT_EXPLAIN,
	OPT_HELP,
	OPT_VERSION
};

static const struct option main_options[] = {
	{ "dump",	 no_argument,	    NULL, 'd' },
	{ "width",	 required_argument, NULL, 'w' },
	{ "toc",	 no_argument,	    NULL, 't' },
	{ "stats",	 no_argument,	    NULL, 'S' },
	{ "json",	 no_argument,	    NULL, 'j' },
	{ "story",	 required_argument, NULL, 's' },
	{ "raw-punct",	 no_argument,	    NULL, OPT_RAW_PUNCT },
	{ "measure",	 required_argument, NULL, OPT_MEASURE },
	{ "no-remember", no_argument,	    NULL, OPT_NO_REMEMBER },
	{ "no-mouse",	 no_argument,	    NULL, OPT_NO_MOUSE },
	{ "color",	 required_argument, NULL, OPT_COLOR },
	{ "colour",	 required_argument, NULL, OPT_COLOR },
	{ "grep",	 required_argument, NULL, OPT_GREP },
	{ "regex",	 no_argument,	    NULL, OPT_REGEX },
	{ "exact",	 no_argument,	    NULL, OPT_EXACT },
	{ "script",	 required_argument, NULL, OPT_SCRIPT },
	{ "explain",	 no_argument,	    NULL, OPT_EXPLAIN },
	{ "help",	 no_argument,	    NULL, OPT_HELP },
	{ "version",	 no_argument,	    NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* Print usage to fp. */
static void
main_usage(FILE *fp)
{
	fputs(
"usage: dubao [OPTION]... [FILE|DIR]...\n"
"Read Chinese newspaper pages in the terminal.\n"
"With no FILE: standard input when it is not a terminal, else the\n"
"bundled articles.  A DIR stands for its *.txt pages in name order.\n"
"\n"
"  -d, --dump            print the laid-out text (default when stdout is\n"
"                        not a terminal)\n"
"  -w, --width=N         width of the dump in cells (10-500; default: the\n"
"                        terminal's width, else 80)\n"
"      --toc             print the outline: stories and sections\n"
"      --stats           print the statistics as TSV\n"
"      --json            print the whole structure as JSON\n"
"      --explain         print why each line was read as it was\n"
"      --grep=PATTERN    print the matches of PATTERN, one per line\n"
"      --regex           PATTERN is a regular expression (PCRE2)\n"
"      --exact           match exactly (no case or width folding)\n"
"      --raw-punct       show ASCII punctuation as in the source\n"
"      --script=SCRIPT   show the text in original (default), simplified,\n"
"                        traditional, taiwan or hongkong characters\n"
"  -s, --story=N         open the reader at story N\n"
"      --measure=N       text width in the reader (default 80; 0: all)\n"
"      --no-remember     do not restore or save the reading position\n"
"      --no-mouse        leave the mouse to the terminal (selecting text)\n"
"      --color=WHEN      never, always or auto (default; NO_COLOR is honoured)\n"
"      --help            show this help\n"
"      --version         show the version\n"
"\n"
"Exit status: 0 success, 1 --grep found nothing, 2 error.\n"
"Keys in the reader: h or F1.  Manual: man dubao.\n", fp);
}

/* Parse a decimal number in [lo, hi] or die with a message. */
static long
main_number(const char *opt, const char *s, long lo, long hi)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi) {
		char *shown = safe_name(s);

		fprintf(stderr, "dubao: %s: expected a number from %ld to %ld, "
		    "got '%s'\n", opt, lo, hi, shown);
		free(shown);
		exit(2);
	}
	return v;
}

/* The words of --color, by enum ui_color. */
static const char *const main_colors[] = {
	[UI_COLOR_AUTO] = "auto", [UI_COLOR_NEVER] = "never",
	[UI_COLOR_ALWAYS] = "always",
};

/* Parse the word of --color or die with a message. */
static enum ui_color
main_color(const char *s)
{
	char	*shown;
	size_t	 i;

	for (i = 0; i < sizeof main_colors / sizeof main_colors[0]; i++)
		if (strcmp(s, main_colors[i]) == 0)
			return (enum ui_color)i;
	shown = safe_name(s);
	fprintf(stderr, "dubao: --color: expected never, always or auto, "
	    "got '%s'\n", shown);
	free(shown);
	exit(2);
}

/* Parse the word of --script or die with a message. */
static enum script
main_script(const char *s)
{
	enum script	 sc;
	char		*shown;

	if (script_parse(s, &sc) == 0)
		return sc;
	shown = safe_name(s);
	fprintf(stderr, "dubao: --script: expected original, simplified, "
	    "traditional, taiwan or hongkong, got '%s'\n", shown);
	free(shown);
	exit(2);
}

/* Report an unknown option or a missing argument in one line. */
static void
main_bad_option(const char *word, int ch)
{
	char *shown = safe_name(word != NULL ? word : "");

	if (ch == ':')
		fprintf(stderr, "dubao: option '%s' needs a value; try "
		    "'dubao --help'\n", shown);
	else
		fprintf(stderr, "dubao: unknown option '%s'; try 'dubao --help'\n",
		    shown);
	free(shown);
}

/* Make sure LC_CTYPE is UTF-8: the user's locale, else C.UTF-8. */
static void
main_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL ||
	    setlocale(LC_CTYPE, "en_US.UTF-8") != NULL) {
		cs = nl_langinfo(CODESET);
		if (cs != NULL && strcmp(cs, "UTF-8") == 0)
			return;
	}
	fprintf(stderr, "dubao: needs a UTF-8 locale, and neither the "
	    "current one nor C.UTF-8 is available\n");
	exit(2);
}

/* Is path an existing directory? */
static int
main_isdir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Where the bundled articles are: $DUBAO_ARTICLES; beside the binary (a
   build tree); ../share/dubao/articles from the binary (an installed
   tree, whatever its PREFIX); else the data directory it was built for. */
static char *
main_articles(void)
{
	static const char *const rel[] = { "articles",
	    "../share/dubao/articles" };
	char	 exe[PATH_MAX], *slash, *dir;
	ssize_t	 n;
	size_t	 i;

	if ((dir = getenv("DUBAO_ARTICLES")) != NULL && *dir != '\0')
		return xstrdup(dir);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				dir = xasprintf("%s/%s", exe, rel[i]);
				if (main_isdir(dir))
					return dir;
				free(dir);
			}
		}
	}
	return xstrdup(DUBAO_DATADIR "/articles");
}

/* The width of the terminal on fd, or 0. */
static int
main_term_width(int fd)
{
	struct winsize ws;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* Can the terminal named by TERM run the full-screen reader? */
static int
main_term_usable(void)
{
	const char *term = getenv("TERM");

	return term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
}

int
main(int argc, char *argv[])
{
	struct doc	 d;
	struct ui_opts	 uo;
	enum mode	 mode = MODE_AUTO;
	const char	*pattern = NULL;
	char		*articles = NULL, *stdin_path[] = { (char *)"-" };
	char		*cause = NULL;
	char *const	*paths;
	size_t		 npaths;
	unsigned	 flags = 0, sflags = 0;
	enum script	 script = SCRIPT_ORIGINAL;
	int		 width = 0, ch, rc = 0, color_out, quick, reader;
	struct timespec	 t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	main_locale();
	opterr = 0;			/* main_bad_option says it */
	memset(&uo, 0, sizeof uo);
	ui_opts_default(&uo);
	uo.start_ns = (long long)t0.tv_sec * 1000000000LL + t0.tv_nsec;
	while ((ch = getopt_long(argc, argv, ":dw:s:", main_options, NULL)) != -1) {
		switch (ch) {
		case 'd':
			mode = MODE_DUMP;
			break;
		case 'w':
			width = (int)main_number("--width", optarg,
			    LAYOUT_MIN_WIDTH, LAYOUT_MAX_WIDTH);
			break;
		case 't':
			mode = MODE_TOC;
			break;
		case 'S':
			mode = MODE_STATS;
			break;
		case 'j':
			mode = MODE_JSON;
			break;
		case 's':
			uo.story = main_number("--story", optarg, 1, LONG_MAX) - 1;
			break;
		case OPT_RAW_PUNCT:
			flags |= LAYOUT_RAW_PUNCT;
			break;
		case OPT_MEASURE:
			uo.measure = (int)main_number("--measure", optarg, 0,
			    LAYOUT_MAX_WIDTH);
			if (uo.measure != 0 && uo.measure < LAYOUT_MIN_WIDTH)
				uo.measure = LAYOUT_MIN_WIDTH;
			break;
		case OPT_NO_REMEMBER:
			uo.remember = 0;
			break;
		case OPT_NO_MOUSE:
			uo.mouse = 0;
			break;
		case OPT_COLOR:
			uo.color = main_color(optarg);
			break;
		case OPT_GREP:
			mode = MODE_GREP;
			pattern = optarg;
			break;
		case OPT_REGEX:
			sflags |= SEARCH_REGEX;
			break;
		case OPT_EXACT:
			sflags |= SEARCH_EXACT;
			break;
		case OPT_SCRIPT:
			script = main_script(optarg);
			break;
		case OPT_EXPLAIN:
			mode = MODE_EXPLAIN;
			break;
		case OPT_HELP:
			main_usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("dubao %s\n", DUBAO_VERSION);
			return 0;
		default:
			main_bad_option(argv[optind - 1], ch);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	uo.flags = flags;

	if (argc > 0) {
		paths = argv;
		npaths = (size_t)argc;
	} else if (!isatty(STDIN_FILENO)) {
		paths = stdin_path;
		npaths = 1;
	} else {
		articles = main_articles();
		paths = &articles;
		npaths = 1;
	}

	/* A missing OpenCC dictionary: said once, and the text is shown as
	   printed. */
	if (script != SCRIPT_ORIGINAL && script_check(script, &cause) != 0) {
		fprintf(stderr, "dubao: %s; showing the text as printed\n",
		    cause);
		free(cause);
	}

	/* The reader first loads only what its first screen needs and the
	   rest in the background (doc-quick.h); the output modes load all. */
	memset(&d, 0, sizeof d);
	d.script = script;
	reader = mode == MODE_AUTO && isatty(STDOUT_FILENO) &&
	    main_term_usable();
	quick = DOC_QUICK_NONE;
	if (reader)
		quick = doc_quick_open(&d, paths, npaths, DOC_QUICK_BUDGET,
		    stderr);
	if (quick == DOC_QUICK_NONE && doc_open(&d, paths, npaths, stderr) == 0) {
		rc = 2;
		goto out;
	}

	if (mode == MODE_AUTO) {
		if (reader && (ch = ui_run_paths(&d, quick == DOC_QUICK_PARTIAL ?
		    paths : NULL, quick == DOC_QUICK_PARTIAL ? npaths : 0,
		    &uo)) != UI_NO_TERMINAL) {
			/* d is the full document unless the reader quit
			   before it was loaded. */
			if (ch != 0 || d.nerrors > 0)
				rc = 2;
			goto out;
		}
		if (quick == DOC_QUICK_PARTIAL) {
			doc_free(&d);
			d.script = script;
			if (doc_open(&d, paths, npaths, stderr) == 0) {
				rc = 2;
				goto out;
			}
		}
		if (isatty(STDOUT_FILENO)) {
			char *term = safe_name(getenv("TERM") != NULL ?
			    getenv("TERM") : "");

			fprintf(stderr, "dubao: terminal '%s' cannot show the "
			    "reader; printing the text instead\n", term);
			free(term);
		}
		mode = MODE_DUMP;
	}
	if (d.nerrors > 0)
		rc = 2;
	if (width == 0)
		width = main_term_width(STDOUT_FILENO);
	if (width == 0)
		width = 80;
	if (width > LAYOUT_MAX_WIDTH)
		width = LAYOUT_MAX_WIDTH;
	if (width < LAYOUT_MIN_WIDTH)
		width = LAYOUT_MIN_WIDTH;

	switch (mode) {
	case MODE_DUMP:
		dump_text(&d, width, flags, stdout);
		break;
	case MODE_TOC:
		dump_toc(&d, stdout);
		break;
	case MODE_STATS:
		dump_stats(&d, stdout);
		break;
	case MODE_JSON:
		dump_json(&d, stdout);
		break;
	case MODE_EXPLAIN:
		explain_doc(&d, stdout);
		break;
	case MODE_GREP:
		color_out = uo.color == UI_COLOR_ALWAYS ||
		    (uo.color == UI_COLOR_AUTO && isatty(STDOUT_FILENO) &&
		    (getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == '\0'));
		ch = grep_run(&d, pattern, sflags, color_out, stdout, stderr);
		if (rc != 2)
			rc = ch;
		break;
	default:
		break;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "dubao: write error: %s\n", strerror(errno));
		rc = 2;
	}
out:
	doc_free(&d);
	free(articles);
	return rc;
}
