# Tab completion in fish for @COMMANDS@.
#   @NAME@ completion fish | source       # now, or save it as ~/.config/fish/completions/@NAME@.fish
# Each TAB asks the program itself what may come next, through System.CommandLine's [suggest]
# directive, so options, subcommands, fixed values, and topic and group names from the cluster
# always match the program you run. Where it offers nothing (a file name, say), fish completes
# file names.
function __kafkademo_complete
    # The command line of the current command, up to the cursor, and its words.
    set -l line (commandline -cp)
    set -l words (commandline -opc)
    set -l suggestions ($words[1] "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)
    if set -q suggestions[1]
        printf '%s\n' $suggestions
    else
        __fish_complete_path (commandline -ct)
    end
end

for command in @COMMANDS@
    complete -c $command -f -a '(__kafkademo_complete)'
end
