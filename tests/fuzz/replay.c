/*
 * replay: a main for the libFuzzer drivers, as libFuzzer's own replay
 * (`fuzz-NAME FILE...`) works, so that `make check` runs every driver
 * over every saved input in one process, built with the ordinary
 * compiler (and with ASan + UBSan in `make check-sanitize`):
 *
 *	replay-NAME PATH...
 *
 * calls LLVMFuzzerInitialize once, then LLVMFuzzerTestOneInput on every
 * regular file of each PATH (a file, or a directory: its entries in name
 * order, not recursively, hidden ones skipped), each in a malloc'ed
 * buffer of exactly the file's size, so that a read past the input is
 * an error under ASan as it is under libFuzzer.  A violated invariant
 * aborts (FUZZ_CHECK); the input being run is then named on stderr, also
 * when a sanitizer ends the process.  An input still running after
 * REPLAY_HANG seconds is reported as a hang (what the old per-input
 * `timeout 60 dubao` caught): a bound on a loop, not a measure of speed.
 * Prints "replay: N inputs" and exits 0.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define REPLAY_SAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define REPLAY_SAN	1
#endif
#endif
#ifdef REPLAY_SAN
#include <sanitizer/common_interface_defs.h>
#endif

#define REPLAY_HANG	60	/* seconds, per input */
#define REPLAY_STR(x)	REPLAY_STR2(x)
#define REPLAY_STR2(x)	#x

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 replay_name[4096];	/* the input being run */

/* Name the input being run (async-signal-safe). */
static void
replay_say(const char *what)
{
	ssize_t r;

	if (replay_name[0] == '\0')
		return;
	r = write(STDERR_FILENO, "replay: ", strlen("replay: "));
	r = write(STDERR_FILENO, what, strlen(what));
	r = write(STDERR_FILENO, replay_name, strlen(replay_name));
	r = write(STDERR_FILENO, "\n", 1);
	(void)r;
}

static void
replay_abort(int sig)
{
	replay_say("failed on ");
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
replay_alarm(int sig)
{
	(void)sig;
	replay_say("hang (still running after " REPLAY_STR(REPLAY_HANG)
	    " s): ");
	signal(SIGABRT, SIG_DFL);
	abort();
}

#ifdef REPLAY_SAN
static void
replay_death(void)
{
	replay_say("sanitizer report on ");
}
#endif

/* Read the whole file path into a buffer of exactly its size. */
static uint8_t *
replay_read(const char *path, size_t *n)
{
	struct stat	 st;
	uint8_t		*buf;
	size_t		 got = 0;
	ssize_t		 r;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	*n = (size_t)st.st_size;
	buf = malloc(*n ? *n : 1);
	if (buf == NULL) {
		fprintf(stderr, "replay: %s: out of memory\n", path);
		exit(2);
	}
	while (got < *n && (r = read(fd, buf + got, *n - got)) > 0)
		got += (size_t)r;
	close(fd);
	if (got != *n) {
		fprintf(stderr, "replay: %s: short read\n", path);
		exit(2);
	}
	return buf;
}

/* Run one file; returns 1 if it was a regular file. */
static int
replay_file(const char *path)
{
	struct stat	 st;
	uint8_t		*buf;
	size_t		 n;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	snprintf(replay_name, sizeof replay_name, "%s", path);
	buf = replay_read(path, &n);
	alarm(REPLAY_HANG);
	LLVMFuzzerTestOneInput(buf, n);
	alarm(0);
	free(buf);
	replay_name[0] = '\0';
	return 1;
}

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every file of directory dir in name order. */
static size_t
replay_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, *p;
	size_t		 n = 0, cap = 0, i, ran = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		exit(2);
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			if ((v = realloc(v, cap * sizeof *v)) == NULL)
				abort();
		}
		if (asprintf(&p, "%s/%s", dir, e->d_name) < 0)
			abort();
		v[n++] = p;
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof *v, replay_cmp);
	for (i = 0; i < n; i++) {
		ran += (size_t)replay_file(v[i]);
		free(v[i]);
	}
	free(v);
	return ran;
}

int
main(int argc, char *argv[])
{
	struct stat	 st;
	size_t		 ran = 0;
	int		 i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s PATH...\n", argv[0]);
		return 2;
	}
	signal(SIGABRT, replay_abort);
	signal(SIGSEGV, replay_abort);
	signal(SIGALRM, replay_alarm);
#ifdef REPLAY_SAN
	__sanitizer_set_death_callback(replay_death);
#endif
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			return 2;
		}
		if (S_ISDIR(st.st_mode))
			ran += replay_dir(argv[i]);
		else
			ran += (size_t)replay_file(argv[i]);
	}
	if (ran == 0) {
		fprintf(stderr, "replay: no inputs\n");
		return 2;
	}
	printf("replay: %zu inputs\n", ran);
	return 0;
}
