// The consumer's own tests ran (not zero of them) and passed on Spring Boot 4.1.1.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : 'the consumer tests did not all run'

// The POM it resolved is the published one: no parent and no dependencyManagement, so nothing
// in it can pin the application's Spring Boot version; and it carries the metadata Central requires.
def pomFile = new File(localRepositoryPath,
		"io/github/zuplojwt/zuplo-jwt-spring-boot-starter/${starterVersion}/zuplo-jwt-spring-boot-starter-${starterVersion}.pom")
assert pomFile.isFile() : "no installed starter POM at ${pomFile}"
def pom = new groovy.xml.XmlSlurper().parse(pomFile)
assert pom.parent.isEmpty() : 'the published POM names a parent'
assert pom.dependencyManagement.isEmpty() : 'the published POM has dependencyManagement'
assert pom.name.text() && pom.description.text() && pom.url.text() : 'name, description or url missing'
assert pom.licenses.license.name.text() == 'Apache-2.0'
assert pom.developers.developer.name.text()
assert pom.scm.url.text() == 'https://github.com/zuplo-jwt/zuplo-jwt-spring-boot-starter'
