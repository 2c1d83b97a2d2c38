# Sourced by run.sh and .ci/run. Lambda runs the functions on its java25 runtime and Heroku serves the site on
# Java 25, so builds, tests and the local runtime use a JDK 25 too when the machine has one (Debian keeps JDKs in
# its JVM folder). An exported JAVA_HOME wins; without any JDK 25 the default java builds the same bytecode (17).
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25*; do
    if [ -x "$candidate/bin/javac" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      break
    fi
  done
fi
