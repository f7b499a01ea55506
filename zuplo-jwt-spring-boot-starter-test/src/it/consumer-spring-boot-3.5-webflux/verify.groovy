// The application's own tests all ran (not zero of them) and passed on Spring Boot 3.5.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 9, Failures: 0, Errors: 0, Skipped: 0') : 'the application tests did not all run'
