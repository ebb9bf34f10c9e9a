# Tab completion in PowerShell for @COMMANDS@.
#   @NAME@ completion pwsh | Out-String | Invoke-Expression     # now, or from $PROFILE
# Each TAB asks the program itself what may come next, through System.CommandLine's [suggest]
# directive, so options, subcommands, fixed values, and topic and group names from the cluster
# always match the program you run.
Register-ArgumentCompleter -Native -CommandName @COMMANDLIST@ -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # The command's own text up to the cursor; after a trailing space the command ends before the
    # cursor, and the line is padded to it so that the program sees a new, empty word.
    $position = $cursorPosition - $commandAst.Extent.StartOffset
    $line = $commandAst.ToString()
    $line = if ($line.Length -ge $position) { $line.Substring(0, $position) } else { $line.PadRight($position) }
    & $commandAst.GetCommandName() "[suggest:$position]" $line 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
