-- wrk script: each connection goes round the paths listed one a line in the file given after
-- `--` (tests/bench/publishing.py writes it), starting at a different place.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
