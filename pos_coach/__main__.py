from pos_coach.launcher import main

if __name__ == "__main__":  # not when a helper process re-imports this module
    main()
