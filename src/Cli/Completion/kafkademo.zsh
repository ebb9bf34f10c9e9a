#compdef @COMMANDS@
# Tab completion in zsh for @COMMANDS@.
#   source <(@NAME@ completion zsh)       # now, or from ~/.zshrc
# Each TAB asks the program itself what may come next, through System.CommandLine's [suggest]
# directive, so options, subcommands, fixed values, and topic and group names from the cluster
# always match the program you run. Where it offers nothing (a file name, say), zsh completes
# file names.
_kafkademo_complete() {
  # The line up to the cursor: the words before the current one, then the current word's start.
  local line="${(j: :)words[1,CURRENT-1]} $PREFIX"
  local -a suggestions
  # One suggestion per line; the unquoted (f) drops the empty line of no suggestion at all.
  suggestions=(${(f)"$(${words[1]} "[suggest:${#line}]" "$line" 2>/dev/null)"})
  if (( ${#suggestions} )); then
    compadd -a suggestions
  else
    _files
  fi
}

(( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }
compdef _kafkademo_complete @COMMANDS@
