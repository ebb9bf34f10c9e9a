# The shell a guide's steps run in (GuideShell starts bash with this file; see GuideScript for
# the conventions a guide follows). It reads steps from its standard input, each a NUL-terminated
# id and a NUL-terminated command, and evals them one after another in this one shell, as a reader
# types them into one terminal: exports, $! and files carry over from step to step. Each step's
# stdout and stderr go to $GUIDE_WORK/<id>.out; a line "__done <id> <exit code>" on the original
# stdout says it has ended. The steps' own standard input is /dev/null.
#
# `dotnet run --project src/<Program> -- <arguments>` runs the program under test instead of
# building one: the native executable in $GUIDE_NATIVE when set, otherwise the build in
# $GUIDE_BUILDS through dotnet. Like `dotnet run`, it stays the parent of the program, so `$!` after
# `dotnet run … &` is not the program's own process id, as it would not be for a reader either.

dotnet() {
  if [[ ${1:-} != run ]]; then
    echo "guide runner: only 'dotnet run --project src/<Program> -- …' runs here, not: dotnet $*" >&2
    return 127
  fi
  shift
  local project=""
  while (($#)); do
    case $1 in
      --project) project=${2%/}; shift 2 ;;
      -c | --configuration) shift 2 ;;
      --no-build) shift ;;
      --) shift; break ;;
      *) echo "guide runner: 'dotnet run $1' is not an option the guides use" >&2; return 127 ;;
    esac
  done
  case $project in
    src/Producer) __guide_program KafkaDemo.Producer kafkademo-producer "$@" ;;
    src/Consumer) __guide_program KafkaDemo.Consumer kafkademo-consumer "$@" ;;
    src/LocalBroker) __guide_program KafkaDemo.LocalBroker kafkademo-broker "$@" ;;
    *) echo "guide runner: no program src/$project" >&2; return 127 ;;
  esac
}

__guide_program() { # build name, native name, arguments
  local build=$1 native=$2
  shift 2
  if [[ -n ${GUIDE_NATIVE:-} ]]; then
    "$GUIDE_NATIVE/$native" "$@"
  else
    command dotnet "$GUIDE_BUILDS/$build.dll" "$@"
  fi
}

# $? at the start of a step is the exit code of the step before, as at a prompt: `echo $?` works.
__guide_status=0
__guide_previous() { return "$__guide_status"; }

exec 4<&0 0</dev/null 5>&1
while IFS= read -r -d '' __guide_id <&4 && IFS= read -r -d '' __guide_command <&4; do
  exec 1>>"$GUIDE_WORK/$__guide_id.out" 2>&1
  __guide_previous
  eval "$__guide_command" 4<&- 5>&-
  __guide_status=$?
  exec 1>&5 2>&5
  printf '__done %s %s\n' "$__guide_id" "$__guide_status"
done
