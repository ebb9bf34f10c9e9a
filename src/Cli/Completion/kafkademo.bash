# Tab completion in bash for @COMMANDS@.
#   source <(@NAME@ completion bash)      # now, or from ~/.bashrc
# Each TAB asks the program itself what may come next, through System.CommandLine's [suggest]
# directive, so options, subcommands, fixed values, and topic and group names from the cluster
# always match the program you run. Where it offers nothing (a file name, say), bash completes
# file names.
_kafkademo_complete() {
  local IFS=$'\n'
  # One suggestion per line; split on newlines only.
  COMPREPLY=($("$1" "[suggest:$COMP_POINT]" "$COMP_LINE" 2>/dev/null))
}

complete -o default -F _kafkademo_complete @COMMANDS@
