// The one test ran (not zero tests) and passed: startup on Spring Boot 3 stopped with the message.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the Spring Boot 3 test did not run'
