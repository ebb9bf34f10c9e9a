# Tab completion for the KafkaDemo programs in bash (and in zsh after `autoload -U +X bashcompinit && bashcompinit`,
# untried: tested in bash only).
#
#   source eng/completion/kafkademo.bash        # e.g. from ~/.bashrc
#
# Each TAB asks the program itself what may come next, through System.CommandLine's [suggest]
# directive, so options, subcommands (consumer lag, topics, reset-offsets, store; producer
# explain-keys) and their fixed values always match the build you run. This
# is what the dotnet-suggest global tool does for every System.CommandLine program; this file does
# it for ours alone, without installing anything. It applies to the built programs
# (src/Producer/bin/Release/net10.0/KafkaDemo.Producer, …) and the native ones of ./build.sh publish
# (artifacts/bin/kafkademo-producer, …), not to `dotnet run`.
_kafkademo_complete() {
  local IFS=$'\n'
  # One suggestion per line; split on newlines only (zsh splits a command substitution on IFS too).
  COMPREPLY=($("$1" "[suggest:$COMP_POINT]" "$COMP_LINE" 2>/dev/null))
}

complete -o default -F _kafkademo_complete KafkaDemo.Producer KafkaDemo.Consumer KafkaDemo.LocalBroker \
  kafkademo-producer kafkademo-consumer kafkademo-broker
